import { cpus, totalmem, platform, release, arch } from 'node:os';

/** The machine a bench ran on, printed with the figures and kept beside them. */
export interface Machine {
  os: string;
  cpuModel: string;
  cpuCount: number;
  node: string;
  memoryGiB: number;
}

/** Describes this machine. */
export function machine(): Machine {
  const list = cpus();
  return {
    os: `${platform()} ${release()} ${arch()}`,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cpuCount: list.length,
    node: process.version,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  };
}

/** One line for the table header and the README. */
export function machineLine(m: Machine): string {
  return `${m.os}; ${m.cpuCount} × ${m.cpuModel}; ${m.memoryGiB} GiB RAM; Node ${m.node}`;
}
