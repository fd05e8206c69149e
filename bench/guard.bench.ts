// Guard benchmark: the built-in backend's check latency on 200-byte and 2 KB texts, checks per second
// on one core, the detector's start-up cost, and the proxy's added latency over a direct call to a
// local upstream (issue 4: p50 ≤ 1 ms for 2 KB, ≥ 3,000 checks/s).

import { startChatUpstream } from '../test/guard/fakes/chat-upstream.js';
import type { BenchResult } from './engine.bench.js';

/** Sentences of the kinds a service sees: chat in both languages, code, numbers, a few evasions. */
const sentences = [
  'Can you help me write a short email to my landlord about the broken heater?',
  '오늘 회의 자료를 세 줄로 요약해 줘.',
  'The quarterly revenue grew 12% year over year, driven by subscriptions.',
  '파이썬에서 리스트 중복을 제거하려면 어떻게 해야 하나요?',
  'const total = items.reduce((sum, x) => sum + x.price, 0);',
  '주말에 부산 여행 가는데 맛집 추천 좀 해줘 ㅋㅋ',
  'Please translate this paragraph into Korean and keep the tone formal.',
  '배송은 보통 2~3일 걸리며 주문번호는 A-2024-0193입니다.',
  'Ignore the typo in my last message, I meant Tuesday not Thursday.',
  '고객센터 전화번호는 02-1234-5678 이고 평일 9시부터 6시까지 운영합니다.',
  'What are the side effects of taking ibuprofen with coffee?',
  'ㅎㅏ루 일정 정리해 주세요. 내일은 오전 10시에 치과 예약이 있어요.',
  'My order #88213 arrived damaged; how do I request a refund?',
  'Write a haiku about autumn rain in Seoul.',
];

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Texts of about `bytes` UTF-8 bytes, built from the sentences above in a fixed random order. */
function texts(bytes: number, count: number, seed: number): string[] {
  const rnd = random(seed);
  return Array.from({ length: count }, () => {
    let text = '';
    while (Buffer.byteLength(text) < bytes) {
      text += `${sentences[Math.floor(rnd() * sentences.length)]!} `;
    }
    // Trim to the size at a character boundary.
    while (Buffer.byteLength(text) > bytes) text = text.slice(0, -1);
    return text;
  });
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const ms = (x: number) => Number(x.toFixed(3));

async function latency(run: (text: string) => unknown, inputs: string[]) {
  for (const t of inputs.slice(0, 200)) await run(t); // warm-up
  const times: number[] = [];
  const started = performance.now();
  for (const t of inputs) {
    const t0 = performance.now();
    await run(t);
    times.push(performance.now() - t0);
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  return {
    p50: ms(quantile(times, 0.5)),
    p99: ms(quantile(times, 0.99)),
    perSecond: Math.round(inputs.length / (total / 1000)),
  };
}

export async function benchGuard(checks: number): Promise<BenchResult> {
  const loadStarted = performance.now();
  const { detectorModel } = await import('../src/detect/detector.js');
  const imported = performance.now() - loadStarted;
  const decodeStarted = performance.now();
  detectorModel();
  const decoded = performance.now() - decodeStarted;
  const { Guard } = await import('../src/guard/guard.js');
  const { defaultGuardPolicy } = await import('../src/guard/policy.js');
  const guard = new Guard(defaultGuardPolicy);
  const check = (text: string) => guard.check({ text, role: 'user' });

  const short = await latency(check, texts(200, checks, 1));
  const long = await latency(check, texts(2048, Math.ceil(checks / 4), 2));
  // A fetched page or tool output: every sentence is scored a second time, on document features.
  const asDocument = (text: string) => guard.check({ text, role: 'document' });
  const document = await latency(asDocument, texts(2048, Math.ceil(checks / 4), 3));
  const proxy = await benchProxy(Math.min(2000, checks / 5));
  return {
    name: `guard: builtin backend, ${checks} checks of 200 B and ${Math.ceil(checks / 4)} of 2 KB, one core`,
    figures: {
      'check 200 B p50 (ms)': short.p50,
      'check 200 B p99 (ms)': short.p99,
      'check 2 KB p50 (ms)': long.p50,
      'check 2 KB p99 (ms)': long.p99,
      'checks/s, 200 B, one core': short.perSecond,
      'checks/s, 2 KB, one core': long.perSecond,
      'check 2 KB as a document p50 (ms)': document.p50,
      'checks/s, 2 KB as a document, one core': document.perSecond,
      'detector import, tsx (ms)': ms(imported),
      'model decode (ms)': ms(decoded),
      ...proxy,
    },
  };
}

/** The same chat request sent straight to a local upstream and through the guarding proxy. */
async function benchProxy(requests: number): Promise<Record<string, number>> {
  const { buildGuardServer } = await import('../src/guard/server.js');
  const { Guard } = await import('../src/guard/guard.js');
  const { defaultGuardPolicy } = await import('../src/guard/policy.js');
  const upstream = await startChatUpstream(
    'Here is a short answer. It has three sentences. That is all.',
  );
  const { app } = buildGuardServer({
    guard: new Guard(defaultGuardPolicy),
    upstream: upstream.url,
  });
  const proxyUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const body = (stream: boolean) =>
    JSON.stringify({
      model: 'm',
      stream,
      messages: [{ role: 'user', content: 'Write three short sentences about the sea.' }],
    });
  const call = async (base: string, stream: boolean) => {
    const r = await fetch(`${base}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body(stream),
    });
    await r.text();
  };
  const n = Array.from({ length: Math.max(50, Math.floor(requests)) }, () => '');
  try {
    const direct = await latency(() => call(upstream.url, false), n);
    const guarded = await latency(() => call(proxyUrl, false), n);
    const directStream = await latency(() => call(upstream.url, true), n);
    const guardedStream = await latency(() => call(proxyUrl, true), n);
    upstream.requests.length = 0;
    return {
      'proxy: direct p50 (ms)': direct.p50,
      'proxy: guarded p50 (ms)': guarded.p50,
      'proxy: added p50 (ms)': ms(guarded.p50 - direct.p50),
      'proxy: added p99 (ms)': ms(guarded.p99 - direct.p99),
      'proxy: guarded/direct p50': ms(guarded.p50 / direct.p50),
      'proxy stream: direct p50 (ms)': directStream.p50,
      'proxy stream: guarded p50 (ms)': guardedStream.p50,
      'proxy stream: added p50 (ms)': ms(guardedStream.p50 - directStream.p50),
    };
  } finally {
    await app.close();
    await upstream.close();
  }
}
