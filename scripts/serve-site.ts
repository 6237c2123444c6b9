/**
 * Serves the built site (dist/) on 127.0.0.1 with a small static server that honours the base path.
 * Run: npm run serve -- [--port 4321] [--dir dist] [--base /sub/path/]   (PORT and SITE_BASE also work)
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { EXIT, UsageError, parseCli, run } from './lib/cli.ts';

const USAGE = `用法：npm run serve -- [--port 端口] [--dir 网站文件夹] [--base 子路径]
  --port   端口（默认 4321，或环境变量 PORT）
  --dir    已生成的网站文件夹（默认 dist）
  --base   网站的子路径，如 /media/（默认读取构建结果自动判断，或环境变量 SITE_BASE）`;

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/atom+xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|atom\+xml|manifest\+json)|image\/svg)/;

export interface ServeOptions {
  /** The built site folder. */
  dir: string;
  /** Base path, `/` or `/x/`. */
  base?: string;
  /** Port; 0 picks a free one. */
  port?: number;
  host?: string;
}

export interface RunningServer {
  /** The site's root URL, base included, e.g. http://127.0.0.1:4321/media/ */
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** Starts the static server; resolves once it listens. */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const dir = path.resolve(opts.dir);
  const base = normalize(opts.base ?? '/');
  const host = opts.host ?? '127.0.0.1';
  const s = await stat(dir).catch(() => undefined);
  if (!s?.isDirectory()) throw new UsageError(`找不到网站文件夹：${dir}（请先运行 npm run build）`);

  const server = createServer(async (req, res) => {
    const send = async (status: number, file: string) => {
      const info = await stat(file);
      const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      // Text is gzip-compressed like any static host would; Pagefind's files are compressed already.
      const gzip = COMPRESSIBLE.test(type) && info.size > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(status, {
        'Content-Type': type,
        ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : { 'Content-Length': String(info.size) }),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      });
      if (req.method === 'HEAD') res.end();
      else if (gzip) createReadStream(file).pipe(createGzip()).pipe(res);
      else createReadStream(file).pipe(res);
    };
    const notFound = async () => {
      const page = path.join(dir, '404.html');
      if (await isFile(page)) return send(404, page);
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 页面不存在');
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const u = new URL(req.url ?? '/', 'http://localhost');
      let pathname: string;
      try {
        pathname = decodeURIComponent(u.pathname);
      } catch {
        res.writeHead(400).end();
        return;
      }
      if (base !== '/' && (pathname === '/' || pathname === base.slice(0, -1))) {
        res.writeHead(302, { Location: base + u.search }).end();
        return;
      }
      if (!pathname.startsWith(base)) return void (await notFound());
      const rel = pathname.slice(base.length);
      const file = path.resolve(dir, `.${path.posix.sep}${rel}`);
      if (file !== dir && !file.startsWith(dir + path.sep)) return void (await notFound());
      if (await isFile(file)) return void (await send(200, file));
      const index = path.join(file, 'index.html');
      if (await isFile(index)) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { Location: `${u.pathname}/${u.search}` }).end();
          return;
        }
        return void (await send(200, index));
      }
      await notFound();
    } catch {
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 4321, host, () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : (opts.port ?? 4321);
  return {
    url: `http://${host}:${port}${base}`,
    port,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function normalize(base: string): string {
  const t = base.trim().replace(/^\/+|\/+$/g, '');
  return t ? `/${t}/` : '/';
}

/** The base path a build was made for, read from its home page's favicon link (else `/`). */
export async function detectBase(dir: string): Promise<string> {
  const html = await readFile(path.join(dir, 'index.html'), 'utf8').catch(() => '');
  const m = /<link rel="icon" href="([^"]*)favicon\.svg"/.exec(html);
  return m?.[1] && m[1].startsWith('/') ? m[1] : '/';
}

async function isFile(file: string): Promise<boolean> {
  const s = await stat(file).catch(() => undefined);
  return s?.isFile() ?? false;
}

async function main(): Promise<number> {
  const { values } = parseCli(
    process.argv.slice(2),
    {
      port: { type: 'string' },
      dir: { type: 'string' },
      base: { type: 'string' },
    },
    USAGE,
  );
  const port = Number(values.port ?? process.env.PORT ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('端口应为 0–65535 的整数');
  const dir = values.dir ?? path.join(ROOT, 'dist');
  const base = values.base ?? process.env.SITE_BASE ?? (await detectBase(dir));
  const running = await startServer({ dir, base, port });
  console.log(`网站已启动：${running.url}（按 Ctrl+C 停止）`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await running.close();
  return EXIT.ok;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run(main);
