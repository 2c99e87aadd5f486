// @vitest-environment happy-dom
import { afterEach, expect, it } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import { mountWithFake, one } from '../ui/harness';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

it('the panel refuses a file over 20 MB on File.size, without reading a byte of it', async () => {
  const h = mountWithFake({}, { autoRun: false });
  cleanup = h.unmount;
  const section = one(h.el, '[data-section="preflight"]');
  fireEvent.click(one(section, '[data-action="toggle-preflight"]'));
  const input = await waitFor(() => one<HTMLInputElement>(section, 'input[type="file"]'));
  const file = new File(['x'], 'huge.csv');
  let reads = 0;
  Object.defineProperty(file, 'size', { value: 25 * 1024 * 1024 });
  for (const method of ['arrayBuffer', 'text', 'stream', 'slice'] as const)
    Object.defineProperty(file, method, {
      value: () => {
        reads++;
        throw new Error('read');
      },
    });
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  fireEvent.input(input);
  const run = one<HTMLButtonElement>(section, '[data-action="preflight-run"]');
  await waitFor(() => expect(run.disabled).toBe(false));
  fireEvent.click(run);
  const alert = await waitFor(() => one(section, '[role="alert"]'));
  expect(alert.textContent).toContain('“huge.csv” is 25 MB, over the 20 MB limit');
  expect(reads).toBe(0);
  expect(h.runner.calls.preflight).toEqual([]);
});
