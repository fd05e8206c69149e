// The data risk document's words in Korean (data-risk-words.ts holds the English and the shape).

import type { DataRiskWords } from './data-risk-words.js';

export const ko: DataRiskWords = {
  title: '학습 데이터 위험 관리 보고서',
  intro:
    'anjeon이 학습 데이터에서 발견한 위험, 어떤 규칙으로 무엇을 제거하거나 비식별 처리했는지, ' +
    '무엇이 남았는지, 그리고 탐지가 보지 못하는 것을 기록합니다. 스캔 보고서로부터 작성했으며, ' +
    '사례는 보고서에 담긴 대로 마스킹된 상태로 보여 줍니다.',
  // 1. 데이터
  dataTitle: '1. 데이터 개요',
  input: '입력 파일',
  format: '형식',
  gzip: 'gzip 압축',
  size: '크기',
  bytes: (exact) => `${exact}바이트`,
  compressed: '압축된 크기',
  records: '레코드 수',
  fields: '검사한 필드',
  idField: 'ID 필드',
  scanned: '검사 시각',
  resumed: (n) => `체크포인트에서 ${n}회 재개`,
  checks: '수행한 검사',
  piiChecked: (types, confidence) => `개인정보(${types}개 유형, 최소 신뢰도 ${confidence})`,
  piiUnchecked: '개인정보 검사 안 함',
  hazardsChecked: (threshold) => `유해 콘텐츠(임계값 ${threshold})`,
  hazardsUnchecked: '유해 콘텐츠 검사 안 함',
  version: 'anjeon 버전',
  // 2. 발견된 위험
  risksTitle: '2. 발견된 위험',
  withPii: (n, total, share) => `전체 레코드 ${total}개 중 ${n}개(${share})에 개인정보가 있습니다.`,
  withHazards: (n, total, share) =>
    `전체 레코드 ${total}개 중 ${n}개(${share})에 유해 콘텐츠로 판정된 내용이 있습니다.`,
  piiNotCounted: '이번 스캔에서는 개인정보를 검사하지 않았으므로 집계된 것이 없습니다.',
  hazardsNotCounted: '이번 스캔에서는 유해 콘텐츠를 검사하지 않았으므로 집계된 것이 없습니다.',
  piiByType: '유형별 개인정보',
  hazardsByCode: '코드별 유해 콘텐츠',
  type: '유형',
  name: '이름',
  findings: '발견 수',
  code: '코드',
  category: '범주',
  noPii: '검사한 유형의 개인정보는 발견되지 않았습니다.',
  noHazards: '유해 콘텐츠는 발견되지 않았습니다.',
  samples: '사례(마스킹됨)',
  noSamples: '스캔 보고서에 사례가 없습니다.',
  unscanned: '검사하지 못한 레코드',
  malformed: (n) =>
    `형식이 잘못된 레코드(깨진 JSON, 잘못된 CSV 따옴표, 올바르지 않은 UTF-8, 지나치게 긴 레코드): ${n}개.`,
  missingField: (n) => `검사할 필드가 하나도 없는 레코드: ${n}개.`,
  line: '줄',
  record: '레코드',
  reason: '사유',
  truncated: (shown, total) =>
    `${total}개 중 처음 ${shown}개만 나열했습니다. 스캔 보고서에는 그 이상이 남아 있지 않습니다.`,
  // 3. 제거·비식별 조치
  actionsTitle: '3. 제거하거나 비식별 처리한 것',
  redaction: '개인정보 비식별 처리',
  noRedaction:
    '비식별 처리한 사본을 만들지 않았습니다(--redact 없이 스캔). 제거된 개인정보는 없습니다.',
  redactedCopy: (file) => ['비식별 처리한 사본은 ', ...file, '입니다.'],
  rule: '규칙',
  found: '발견',
  redacted: '처리',
  operators: {
    mask: '마스킹',
    tag: '유형 이름 태그로 대체',
    hash: '해시값으로 대체',
    'drop-field': '필드 삭제',
    'drop-record': '레코드 삭제',
    keep: '변경 없이 유지',
  },
  noRule: '규칙 없음',
  recordsChanged: '변경된 레코드',
  fieldsDropped: '삭제된 필드',
  recordsDropped: '삭제된 레코드',
  malformedRecords: '형식이 잘못된 레코드',
  malformedCopied: '검사 없이 그대로 복사함',
  malformedLeftOut: '제외함',
  filtering: '유해 레코드 필터링',
  noFilter:
    '필터링한 사본을 만들지 않았습니다(--filter 없이 스캔). 유해 콘텐츠 때문에 제거된 레코드는 없습니다.',
  filterRule: (threshold, codes) => [
    ...codes,
    `에서 점수가 ${threshold} 이상인 레코드를 필터링한 사본에서 빼내 거부 파일로 옮겼습니다.`,
  ],
  allCodes: '모든 유해 코드',
  filteredCopy: '필터링한 사본',
  rejects: '거부된 레코드',
  threshold: '임계값',
  codes: '코드',
  removed: '제거된 레코드',
  kept: '남긴 레코드',
  removedByCode: '코드별 제거된 레코드',
  outputs: '작성된 파일',
  noOutputs: '스캔은 보고서 외에 아무 파일도 쓰지 않았습니다.',
  outputNames: {
    findings: '발견 목록(한 줄에 하나)',
    redact: '비식별 처리한 사본',
    filter: '필터링한 사본',
    report: '스캔 보고서',
  },
  // 4. 남은 위험
  remainsTitle: '4. 남아 있는 것',
  piiUncheckedRemains:
    '개인정보를 검사하지 않았습니다. 데이터에 있는 개인정보는 그대로 남아 있습니다.',
  piiAllRemain: (findings, records) =>
    `레코드 ${records}개에서 발견된 개인정보 ${findings}건이 모두 남아 있습니다. 비식별 처리한 사본을 만들지 않았습니다.`,
  piiInFilteredCopy: (file, findings) => [
    '필터링한 사본 ',
    ...file,
    `은 비식별 처리하지 않았습니다. 남긴 레코드의 개인정보가 그대로 들어 있습니다(최대 ${findings}건).`,
  ],
  piiKept: (type, n) => [
    ...type,
    `: ${n}건을 규칙 `,
    { code: 'keep' },
    '에 따라 변경 없이 두었습니다.',
  ],
  piiUnredacted: (type, left, found) => [
    ...type,
    `: ${found}건 중 ${left}건은 처리되지 않았습니다.`,
  ],
  hazardsUncheckedRemains:
    '유해 콘텐츠를 검사하지 않았습니다. 데이터에 있는 유해 콘텐츠는 그대로 남아 있습니다.',
  hazardsAllRemain: (records) =>
    `유해 콘텐츠가 있는 레코드 ${records}개가 남아 있습니다. 필터링한 사본을 만들지 않았습니다.`,
  codeNotFiltered: (code, n) => [
    ...code,
    `: ${n}건은 필터 대상 코드가 아니어서 걸러지지 않았습니다.`,
  ],
  hazardRecordsKept: (kept, total, threshold) =>
    `유해 콘텐츠가 있는 레코드 ${total}개 중 ${kept}개는 필터를 통과해 남았습니다. 코드가 필터 ` +
    `대상이 아니었거나 점수가 필터 임계값 ${threshold}보다 낮았습니다.`,
  malformedRemain: (n) =>
    `형식이 잘못된 레코드 ${n}개는 읽을 수 없었으므로 무엇이 들어 있는지 알 수 없습니다.`,
  malformedCopiedInto: (file) => ['이 레코드들은 ', ...file, '에 그대로 복사되었습니다.'],
  malformedNotCopied:
    '이 레코드들은 비식별 처리한 사본에서 제외되었지만 입력 파일에는 남아 있습니다.',
  missingRemain: (n, fields) => [
    `레코드 ${n}개에는 검사한 필드(`,
    ...fields,
    ')가 하나도 없어 아무것도 검사하지 못했습니다.',
  ],
  nothingRemains:
    '발견된 것 중 남아 있는 것은 없습니다. 탐지가 보지 못하는 것은 다음 절에 적었습니다.',
  // 5. 탐지의 한계
  limitsTitle: '5. 탐지의 한계',
  quality: '측정된 탐지 성능',
  noQuality:
    '이 anjeon 빌드에는 측정된 수치가 없습니다(detect/model/quality.json 없음). 탐지 성능은 알 수 없습니다.',
  measured: (date, split) =>
    `${date}에 npm run eval:guard로 측정했습니다. 측정 데이터: ${split}. 정밀도·재현율·F1은 각 ` +
    `데이터셋의 유해하거나 혐오적인 텍스트 기준이며, FPR은 안전한 텍스트 중 잘못 걸러진 비율입니다.`,
  thresholdDiffers: (threshold) =>
    `이번 스캔은 점수 ${threshold}부터 유해로 집계했습니다. 수치는 학습된 임계값(0.5)에서 ` +
    `측정했으므로 이번 스캔에는 대략적으로만 들어맞습니다.`,
  task: '과제',
  dataset: '데이터셋',
  language: '언어',
  texts: '텍스트(유해 / 안전)',
  precision: '정밀도',
  recall: '재현율',
  fpr: 'FPR',
  piiQuality: (dataset, records, p, r, decoys) =>
    `개인정보(${dataset}; 보류 레코드 ${records}개): 정밀도 ${p}, 재현율 ${r}, ` +
    `개인정보처럼 보이는 숫자(미끼)를 잘못 보고한 수 ${decoys}.`,
  cannotSee: '탐지하지 못하는 것',
  noRecogniser:
    '인식기가 없는 개인정보: 사람 이름, 주소, 단독으로 쓰인 생년월일, 나이, 문장으로 쓰인 건강·종교 ' +
    '등 민감한 정보, 사용자 이름과 계정 ID, 차량 번호. 위의 집계에는 이런 정보가 들어 있지 않습니다.',
  typesNotChecked: (types) => [
    'anjeon이 인식할 수 있지만 이번 스캔에서 검사하지 않은 유형: ',
    ...types,
    '.',
  ],
  minConfidence: (c) => `신뢰도가 ${c} 미만인 개인정보는 집계하지 않았습니다.`,
  otherLanguages:
    '유해 콘텐츠 탐지기는 한국어와 영어로 학습하고 측정했습니다. 다른 언어, 음차 표기, 은어로 쓰인 ' +
    '유해 콘텐츠는 대부분 놓칩니다.',
  onlyText:
    '검사한 필드의 텍스트만 읽습니다. 다른 필드, 이미지, 음성, 텍스트가 가리키는 파일이나 웹 페이지는 ' +
    '보지 않습니다.',
  ownContext:
    '레코드마다 그 텍스트만 보고 판정합니다. 다른 레코드의 맥락이 있어야 드러나는 위험이나, 직접 ' +
    '말하지 않고 암시만 하는 위험은 놓칠 수 있습니다.',
  otherData:
    '수치는 레이블이 붙은 평가 데이터셋에서 나온 것입니다. 성격이 다른 데이터(코드, 긴 문서, 다른 ' +
    '분야)에서는 오류율이 다를 수 있습니다.',
  findingsNotPeople:
    '집계는 사람 수가 아니라 발견 건수입니다. 한 사람의 번호가 두 번 쓰이면 두 건으로 셉니다.',
  evaluation: {
    'harmful requests': '유해 요청',
    'safe sensitive questions': '민감하지만 안전한 질문',
    'safe prompts (blocked)': '안전한 프롬프트(차단됨)',
    'hate and offence (S10/X3/X1)': '혐오·모욕(S10/X3/X1)',
    authored: '프로젝트 작성',
    'written for evaluation (all safe)': '평가용으로 작성(모두 안전)',
    'AdvBench (vs authored safe)': 'AdvBench(안전 텍스트는 프로젝트 작성)',
    'JailbreakBench goals (vs authored safe)': 'JailbreakBench 목표(안전 텍스트는 프로젝트 작성)',
    'SQuARe (all safe)': 'SQuARe(모두 안전)',
    'trained default (0.5)': '학습된 기본값(0.5)',
    'trained default (0.5; tox: F1-best on out-of-fold training comments)':
      '학습된 기본값(0.5; tox: 학습 댓글의 교차 검증에서 F1이 가장 높은 값)',
  },
};
