// Response bodies shaped exactly as vLLM's OpenAI-compatible server, Ollama and OpenAI send them.
//
// Modelled on: vLLM's protocol.py (ChatCompletionResponse, CompletionResponse, ErrorResponse),
// Ollama's docs/api.md (non-streaming /api/chat and /api/generate, raw mode returns no `context`),
// and OpenAI's API reference for POST /v1/moderations (omni-moderation-latest).

/** vLLM /v1/chat/completions, non-streaming. */
export function vllmChatCompletion(model: string, content: string) {
  return {
    id: 'chatcmpl-8f1c2a4e6b0d4c3a9e7f5d1b2c3a4e5f',
    object: 'chat.completion',
    created: 1_735_689_600,
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', reasoning_content: null, content, tool_calls: [] },
        logprobs: null,
        finish_reason: 'stop',
        stop_reason: null,
      },
    ],
    usage: {
      prompt_tokens: 213,
      total_tokens: 218,
      completion_tokens: 5,
      prompt_tokens_details: null,
    },
    prompt_logprobs: null,
  };
}

/** vLLM /v1/completions, non-streaming. */
export function vllmCompletion(model: string, text: string) {
  return {
    id: 'cmpl-3b7d9e1f2a4c4e6b8d0f1a3c5e7b9d2f',
    object: 'text_completion',
    created: 1_735_689_600,
    model,
    choices: [
      {
        index: 0,
        text,
        logprobs: null,
        finish_reason: 'stop',
        stop_reason: null,
        prompt_logprobs: null,
      },
    ],
    usage: {
      prompt_tokens: 213,
      total_tokens: 218,
      completion_tokens: 5,
      prompt_tokens_details: null,
    },
  };
}

/** vLLM's error body, e.g. for a model name it does not serve. */
export function vllmError(message: string, type: string, code: number) {
  return { object: 'error', message, type, param: null, code };
}

/** Ollama /api/chat with "stream": false. */
export function ollamaChat(model: string, content: string) {
  return {
    model,
    created_at: '2024-12-06T00:48:09.983619Z',
    message: { role: 'assistant', content },
    done_reason: 'stop',
    done: true,
    total_duration: 1_075_509_083,
    load_duration: 567_678_166,
    prompt_eval_count: 213,
    prompt_eval_duration: 236_000_000,
    eval_count: 5,
    eval_duration: 269_000_000,
  };
}

/** Ollama /api/generate with "raw": true and "stream": false (raw mode returns no `context`). */
export function ollamaGenerate(model: string, response: string) {
  return {
    model,
    created_at: '2024-12-06T00:48:09.983619Z',
    response,
    done: true,
    done_reason: 'stop',
    total_duration: 1_075_509_083,
    load_duration: 567_678_166,
    prompt_eval_count: 213,
    prompt_eval_duration: 236_000_000,
    eval_count: 5,
    eval_duration: 269_000_000,
  };
}

/** The streamed pieces Ollama sends when `stream` is not false: one JSON object per line. */
export function ollamaStreamLines(model: string, key: 'message' | 'response', text: string) {
  const piece = (t: string, done: boolean) =>
    key === 'message'
      ? {
          model,
          created_at: '2024-12-06T00:48:09.983619Z',
          message: { role: 'assistant', content: t },
          done,
        }
      : { model, created_at: '2024-12-06T00:48:09.983619Z', response: t, done };
  return [piece(text, false), { ...piece('', true), done_reason: 'stop' }]
    .map((o) => JSON.stringify(o))
    .join('\n');
}

export const openAiCategoryNames = [
  'harassment',
  'harassment/threatening',
  'hate',
  'hate/threatening',
  'illicit',
  'illicit/violent',
  'self-harm',
  'self-harm/intent',
  'self-harm/instructions',
  'sexual',
  'sexual/minors',
  'violence',
  'violence/graphic',
] as const;

/**
 * The example in OpenAI's moderation guide for omni-moderation-latest: a threatening text,
 * flagged for harassment, harassment/threatening, violence and (not) violence/graphic.
 */
export function openAiModeration(
  scores: Partial<Record<(typeof openAiCategoryNames)[number], number>> = {},
  flagged: readonly string[] = [],
) {
  const categories: Record<string, boolean> = {};
  const categoryScores: Record<string, number> = {};
  const applied: Record<string, string[]> = {};
  for (const name of openAiCategoryNames) {
    categories[name] = flagged.includes(name);
    categoryScores[name] = scores[name] ?? 0.000_001_2;
    applied[name] = ['text'];
  }
  return {
    id: 'modr-0d9740456c391e43c445bf0f010940c7',
    model: 'omni-moderation-latest',
    results: [
      {
        flagged: flagged.length > 0,
        categories,
        category_scores: categoryScores,
        category_applied_input_types: applied,
      },
    ],
  };
}
