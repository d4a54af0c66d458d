import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signRequest } from '../test/fakes/slack-payloads.ts';
import { percentiles, type Percentiles } from './percentiles.ts';

/**
 * The Slack side of the round trip: signs slash commands, POSTs them to the app, and serves the
 * response_urls the answers arrive at. Latency = signed POST sent → answer received.
 */
export interface LoadResult {
  concurrency: number;
  requests: number;
  ack: Percentiles;
  answer: Percentiles;
  perSecond: number;
  /** Answers that carried the expected content (an owner card for Callboard). */
  expected: number;
}

export class SlackLoad {
  private readonly server: Server;
  private readonly waiting = new Map<string, (body: string) => void>();
  private origin = '';
  private sequence = 0;

  constructor(
    private readonly endpoint: string,
    private readonly signingSecret: string,
  ) {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        this.waiting.get(request.url ?? '')?.(Buffer.concat(chunks).toString('utf8'));
      });
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** One /owner command; resolves with its ack and answer latencies (ms) and the answer body. */
  async ask(text: string): Promise<{ ackMs: number; answerMs: number; body: string }> {
    const path = `/respond/${(this.sequence += 1)}`;
    const answered = new Promise<string>((resolve) => this.waiting.set(path, resolve));
    const fields = {
      token: 'bench',
      team_id: 'T0CALLBOARD',
      team_domain: 'bench',
      channel_id: 'C0BENCH',
      channel_name: 'bench',
      user_id: 'U0BENCH',
      user_name: 'bench',
      command: '/owner',
      text,
      api_app_id: 'A0CALLBOARD',
      is_enterprise_install: 'false',
      response_url: `${this.origin}${path}`,
      trigger_id: `trigger-${this.sequence}`,
    };
    const body = new URLSearchParams(fields).toString();
    const started = performance.now();
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...signRequest(this.signingSecret, body) },
      body,
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`the app answered HTTP ${response.status}`);
    const ackMs = performance.now() - started;
    const answer = await answered;
    this.waiting.delete(path);
    return { ackMs, answerMs: performance.now() - started, body: answer };
  }

  /** `requests` commands, `concurrency` in flight at a time, cycling through `texts`. */
  async run(texts: readonly string[], options: { requests: number; concurrency: number; expect: string }): Promise<LoadResult> {
    const acks: number[] = [];
    const answers: number[] = [];
    let next = 0;
    let expected = 0;
    const worker = async () => {
      while (next < options.requests) {
        const index = next++;
        const result = await this.ask(texts[index % texts.length]!);
        acks.push(result.ackMs);
        answers.push(result.answerMs);
        if (result.body.includes(options.expect)) expected += 1;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    return {
      concurrency: options.concurrency,
      requests: options.requests,
      ack: percentiles(acks),
      answer: percentiles(answers),
      perSecond: options.requests / seconds,
      expected,
    };
  }
}
