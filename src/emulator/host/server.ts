import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { createEmulator, isSeedName, SEED_NAMES, type SeedName } from '../index';
import { hostContext } from './context';
import { translatorFor } from '../../i18n/dictionaries';
import { isLang, type Lang } from '../../i18n/langs';
import { hostPage } from './page';
import { answerClientErrors, readCappedBody, RequestRefused, requestUrl, sendRefusal } from '../node-request';
import { sendResponse, toRequest } from './node-bridge';
import { viewAs } from './view-as';

type Seed = SeedName;

/** The page's languages are the widget's (manifest.json `locale` = LANGS); anything else shows the page in ru. */
function hostLangOf(value: string | null | undefined): Lang {
  return value && isLang(value) ? value : 'ru';
}

const WIDGET_CODE = 'setup_audit';
const WIDGET_PATH = `/widgets/${WIDGET_CODE}`;
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.html': 'text/html; charset=utf-8',
};
// No inline scripts, no eval, nothing from other origins: the page proves the widget needs none of it.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** Options of the local CRM page. */
export interface HostOptions {
  root: string;
  /** The built widget to serve (default `<root>/widget`); `npm start` builds into a folder of its own. */
  widgetDir?: string;
  seed?: Seed;
  port?: number;
  host?: string;
  latencyMs?: number;
  /** Test-only emulator routes (fault injection) — enabled by the browser tests. */
  testRoutes?: boolean;
}

function cookies(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    (req.headers.cookie ?? '')
      .split(';')
      .map((c) => c.trim().split('='))
      .filter((kv) => kv.length === 2)
      .map(([k, v]) => [k, decodeURIComponent(v ?? '')]),
  );
}

/** Serves the local CRM page, the built widget and the emulated API on one origin. */
export function createHostServer(options: HostOptions) {
  let seed: Seed = options.seed ?? 'messy';
  // The widget's saved settings (what the CRM keeps from the settings modal); they outlive account resets.
  const widgetSettings: { baseline: string } = { baseline: '' };
  const emulator = createEmulator({
    seed,
    latencyMs: options.latencyMs ?? 0,
    quiet: true,
    testRoutes: options.testRoutes,
  });
  const widgetDir = options.widgetDir ?? join(options.root, 'widget');
  const vendor: Record<string, string> = {
    '/vendor/require.js': join(options.root, 'node_modules', 'requirejs', 'require.js'),
    '/vendor/jquery.js': join(options.root, 'node_modules', 'jquery', 'dist', 'jquery.min.js'),
  };
  const staticDir = join(options.root, 'src', 'emulator', 'host', 'static');

  const viewing = (raw: string | null | undefined) =>
    viewAs(emulator.store.users, { admin: emulator.adminId, manager: emulator.managerId }, seed, raw);

  async function serveFile(res: ServerResponse, file: string): Promise<void> {
    try {
      const data = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(data);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(file.startsWith(widgetDir) ? 'Not built: run `npm run build`' : 'Not found');
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req, '127.0.0.1');
    const jar = cookies(req);
    if (url.pathname.startsWith('/api/v4/') || url.pathname.startsWith('/__emulator/')) {
      await sendResponse(res, await emulator.handle(await toRequest(req, '127.0.0.1')));
      return;
    }
    if (url.pathname === '/') {
      res.writeHead(302, { location: `/settings/widgets/${WIDGET_CODE}/${url.search}` });
      res.end();
      return;
    }
    if (url.pathname === `/settings/widgets/${WIDGET_CODE}/`) {
      const wantedSeed = url.searchParams.get('seed');
      if (wantedSeed && isSeedName(wantedSeed) && wantedSeed !== seed) {
        seed = wantedSeed as Seed;
        emulator.reset(seed);
      }
      const { user, notice } = viewing(url.searchParams.get('user') ?? jar.host_user);
      const lang = hostLangOf(url.searchParams.get('lang') ?? jar.host_lang);
      const theme = (url.searchParams.get('theme') ?? jar.host_theme) === 'dark' ? 'dark' : 'light';
      res.writeHead(200, {
        'content-type': TYPES['.html'],
        'content-security-policy': CSP,
        'cache-control': 'no-store',
        'set-cookie': [
          `amo_session=${encodeURIComponent(emulator.sessionFor(user.id))}; Path=/; HttpOnly; SameSite=Lax`,
          `host_user=${user.id}; Path=/; SameSite=Lax`,
          `host_lang=${lang}; Path=/; SameSite=Lax`,
          `host_theme=${theme}; Path=/; SameSite=Lax`,
        ],
      });
      res.end(
        hostPage({
          code: WIDGET_CODE,
          lang,
          theme,
          // As the CRM titles a widget's advanced settings page: its `advanced.title` in the user's language.
          title: translatorFor(lang)('advanced.title'),
          widgetPath: WIDGET_PATH,
          notice,
        }),
      );
      return;
    }
    if (url.pathname === '/__host/context') {
      const { user } = viewing(jar.host_user);
      const lang = hostLangOf(jar.host_lang);
      const body = {
        ...hostContext(emulator.store, user, lang, { code: WIDGET_CODE, path: WIDGET_PATH, version: '1.0.0' }),
        seed,
        seeds: SEED_NAMES,
        settings: widgetSettings,
        users: emulator.store.users.map((u) => ({
          id: u.id,
          name: u.name,
          is_admin: u.rights.is_admin,
          is_active: u.rights.is_active,
        })),
      };
      res.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
      return;
    }
    if (url.pathname === '/__host/settings' && req.method === 'POST') {
      // Capped like every API body (413 past it): a flood must not grow the page server's memory.
      const raw = await readCappedBody(req);
      let body: { baseline?: unknown };
      try {
        body = JSON.parse(raw.toString('utf8')) as { baseline?: unknown };
      } catch {
        res.writeHead(400, { 'content-type': 'text/plain' });
        res.end('settings must be JSON');
        return;
      }
      widgetSettings.baseline = typeof body.baseline === 'string' ? body.baseline : '';
      res.writeHead(204);
      res.end();
      return;
    }
    if (url.pathname === '/__host/reset' && req.method === 'POST') {
      emulator.reset(seed);
      res.writeHead(204);
      res.end();
      return;
    }
    const vendorFile = vendor[url.pathname];
    if (vendorFile) return serveFile(res, vendorFile);
    const inside = (dir: string, rel: string) => {
      const file = normalize(join(dir, rel));
      return file.startsWith(dir + sep) ? file : null;
    };
    if (url.pathname.startsWith('/host/')) {
      const file = inside(staticDir, url.pathname.slice('/host/'.length));
      if (file) return serveFile(res, file);
    }
    if (url.pathname.startsWith(`${WIDGET_PATH}/`)) {
      const file = inside(widgetDir, decodeURIComponent(url.pathname.slice(WIDGET_PATH.length + 1)));
      if (file) return serveFile(res, file);
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not found');
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (err instanceof RequestRefused) return sendRefusal(res, err);
      console.error('host page error:', err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal error');
    });
  });
  answerClientErrors(server);

  return {
    emulator,
    /** Starts listening; resolves with the page URL. */
    listen(): Promise<string> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => {
          const address = server.address();
          const port = typeof address === 'object' && address ? address.port : options.port;
          resolve(`http://${options.host ?? '127.0.0.1'}:${port}/settings/widgets/${WIDGET_CODE}/`);
        });
      });
    },
    close(): Promise<void> {
      server.closeAllConnections?.();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
