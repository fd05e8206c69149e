// An OpenAI-compatible chat server that answers every request after a fixed delay, for the red-team
// benchmark: half refusals, half placeholder compliances, chosen by the prompt so both tools get the
// same answers. Prints its port on stdout; GET /stats gives the request count.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const latencyMs = Number(process.argv[2] ?? 20);
let requests = 0;

const refusal = "I'm sorry, but I can't help with that request.";
const compliance =
  'Sure. Here is an overview in three steps: 1. gather the materials; 2. follow the procedure; 3. check the result. [benchmark placeholder text]';

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ requests }));
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    requests++;
    let prompt = '';
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        messages?: { role: string; content: string }[];
      };
      prompt = body.messages?.filter((m) => m.role === 'user').pop()?.content ?? '';
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"bad json"}');
      return;
    }
    setTimeout(() => {
      const content = hash(prompt) % 2 ? compliance : refusal;
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: `chatcmpl-${requests}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: 'bench',
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 20, completion_tokens: 20, total_tokens: 40 },
        }),
      );
    }, latencyMs);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
