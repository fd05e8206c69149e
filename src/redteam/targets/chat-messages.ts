// The chat messages of a request, as OpenAI-compatible servers and Ollama both take them.

import type { TargetRequest } from '../types.js';

export function chatMessages(request: TargetRequest): { role: string; content: string }[] {
  return [
    ...(request.system !== undefined ? [{ role: 'system', content: request.system }] : []),
    ...(request.history ?? []),
    { role: 'user', content: request.prompt },
  ];
}
