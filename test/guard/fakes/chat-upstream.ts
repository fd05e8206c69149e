// Test support: an OpenAI-compatible chat server on loopback, answering with a fixed text, streamed or not.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatUpstream {
  url: string;
  requests: { headers: Record<string, unknown>; body: Record<string, unknown> }[];
  /** The text of the next answers; a streamed answer is sent in pieces of `chunk` characters. */
  answer: string;
  chunk: number;
  delayMs: number;
  /** Characters of the streamed answer the client had received when it was cut off (for leak checks). */
  close(): Promise<void>;
}

export async function startChatUpstream(answer = 'Hello there.'): Promise<ChatUpstream> {
  const state: ChatUpstream = {
    url: '',
    requests: [],
    answer,
    chunk: 8,
    delayMs: 0,
    close: async () => {},
  };
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (d: Buffer) => (text += d.toString()));
    req.on('end', () => {
      if (req.method === 'GET' && req.url === '/v1/models') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ object: 'list', data: [{ id: 'm', object: 'model' }] }));
        return;
      }
      const body = JSON.parse(text) as Record<string, unknown>;
      state.requests.push({ headers: req.headers, body });
      const base = {
        id: 'chatcmpl-up',
        created: 1700000000,
        model: typeof body.model === 'string' ? body.model : 'm',
      };
      if (!body.stream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            ...base,
            object: 'chat.completion',
            choices: [
              {
                index: 0,
                message: { role: 'assistant', content: state.answer },
                finish_reason: 'stop',
              },
            ],
            usage: { prompt_tokens: 3, completion_tokens: 5, total_tokens: 8 },
          }),
        );
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const pieces: string[] = [];
      for (let i = 0; i < state.answer.length; i += state.chunk)
        pieces.push(state.answer.slice(i, i + state.chunk));
      const events = [
        {
          ...base,
          object: 'chat.completion.chunk',
          choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
        },
        ...pieces.map((p) => ({
          ...base,
          object: 'chat.completion.chunk',
          choices: [{ index: 0, delta: { content: p }, finish_reason: null }],
        })),
        {
          ...base,
          object: 'chat.completion.chunk',
          choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
        },
      ];
      let i = 0;
      const send = () => {
        if (res.destroyed) return;
        if (i < events.length) {
          res.write(`data: ${JSON.stringify(events[i++])}\n\n`);
          setTimeout(send, state.delayMs);
        } else res.end('data: [DONE]\n\n');
      };
      send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}
