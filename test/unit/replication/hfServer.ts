/**
 * A tiny stand-in for the Hugging Face Hub API on 127.0.0.1 alone (the fake arXiv serves the same
 * answers, test/support/fakeHuggingFace.ts, alongside arXiv's), with failure modes.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { hfResponse } from '../../support/fakeHuggingFace';

export interface HfServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** mode 'ok': the papers fakeHuggingFace knows are indexed and cited, others unknown (404 / []); 'error': 500s; 'stall': never answers. */
export async function startHfServer(mode: 'ok' | 'error' | 'stall' = 'ok'): Promise<HfServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url} ua=${req.headers['user-agent']}`);
    if (mode === 'stall') return;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (mode === 'error') return send(500, { error: 'Internal Error' });
    const answer = hfResponse(url.pathname, url.searchParams);
    if (answer) return send(answer.status, answer.body);
    send(404, { error: 'Not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
