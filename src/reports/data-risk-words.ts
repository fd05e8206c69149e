// Every heading and sentence of the data risk document: the English, the shape both languages share,
// and the table that picks one (the Korean is in data-risk-words-ko.ts).

import type { Lang } from '../frameworks/messages.js';
import type { RedactionOperator } from '../scan/report-types.js';
import { ko } from './data-risk-words-ko.js';
import type { Text } from './document.js';

const en = {
  title: 'Training data risk report',
  intro:
    'What anjeon found in a training dataset, what was removed or redacted and by which rule, ' +
    'what remains, and what the detection cannot see. Written from the scan report; samples are ' +
    'shown masked, as the report holds them.',
  // 1. The data
  dataTitle: '1. The data',
  input: 'Input file',
  format: 'Format',
  gzip: 'gzip-compressed',
  size: 'Size',
  bytes: (exact: string) => `${exact} bytes`,
  compressed: 'compressed',
  records: 'Records',
  fields: 'Fields scanned',
  idField: 'ID field',
  scanned: 'Scanned',
  resumed: (n: string) => `resumed ${n} time(s) from a checkpoint`,
  checks: 'Checks',
  piiChecked: (types: string, confidence: string) =>
    `personal information (${types} types, minimum confidence ${confidence})`,
  piiUnchecked: 'personal information not checked',
  hazardsChecked: (threshold: string) => `hazardous content (threshold ${threshold})`,
  hazardsUnchecked: 'hazardous content not checked',
  version: 'anjeon version',
  // 2. Risks found
  risksTitle: '2. Risks found',
  withPii: (n: string, total: string, share: string) =>
    `${n} of ${total} records (${share}) contain personal information.`,
  withHazards: (n: string, total: string, share: string) =>
    `${n} of ${total} records (${share}) contain content flagged as hazardous.`,
  piiNotCounted: 'Personal information was not checked in this scan, so none was counted.',
  hazardsNotCounted: 'Hazardous content was not checked in this scan, so none was counted.',
  piiByType: 'Personal information by type',
  hazardsByCode: 'Hazardous content by code',
  type: 'Type',
  name: 'Name',
  findings: 'Findings',
  code: 'Code',
  category: 'Category',
  noPii: 'No personal information of the checked types was found.',
  noHazards: 'No hazardous content was found.',
  samples: 'Samples (masked)',
  noSamples: 'The scan report holds no samples.',
  unscanned: 'Records that could not be scanned',
  malformed: (n: string) =>
    `Malformed records (broken JSON, a bad CSV quote, invalid UTF-8, too long): ${n}.`,
  missingField: (n: string) => `Records with none of the scanned fields: ${n}.`,
  line: 'Line',
  record: 'Record',
  reason: 'Reason',
  truncated: (shown: string, total: string) =>
    `Only the first ${shown} of ${total} are listed: the scan report keeps no more.`,
  // 3. What was removed or redacted
  actionsTitle: '3. What was removed or redacted',
  redaction: 'Redaction of personal information',
  noRedaction:
    'No redacted copy was written (the scan ran without --redact): no personal information was removed.',
  redactedCopy: (file: Text): Text => ['The redacted copy is ', ...file, '.'],
  rule: 'Rule',
  found: 'Found',
  redacted: 'Redacted',
  operators: {
    mask: 'masked',
    tag: 'replaced by a tag naming the type',
    hash: 'replaced by a hash',
    'drop-field': 'field removed',
    'drop-record': 'record removed',
    keep: 'kept unchanged',
  } satisfies Record<RedactionOperator, string>,
  noRule: 'no rule given',
  recordsChanged: 'Records changed',
  fieldsDropped: 'Fields removed',
  recordsDropped: 'Records removed',
  malformedRecords: 'Malformed records',
  malformedCopied: 'copied unchanged, unscanned',
  malformedLeftOut: 'left out',
  filtering: 'Filtering of hazardous records',
  noFilter:
    'No filtered copy was written (the scan ran without --filter): no record was removed for hazardous content.',
  filterRule: (threshold: string, codes: Text): Text => [
    `Records scoring at least ${threshold} on `,
    ...codes,
    ' were moved out of the filtered copy into the rejects file.',
  ],
  allCodes: 'any hazard code',
  filteredCopy: 'Filtered copy',
  rejects: 'Rejected records',
  threshold: 'Threshold',
  codes: 'Codes',
  removed: 'Records removed',
  kept: 'Records kept',
  removedByCode: 'Records removed, by code',
  outputs: 'Files written',
  noOutputs: 'The scan wrote no files besides its report.',
  outputNames: {
    findings: 'Findings (one line each)',
    redact: 'Redacted copy',
    filter: 'Filtered copy',
    report: 'Scan report',
  },
  // 4. What remains
  remainsTitle: '4. What remains',
  piiUncheckedRemains:
    'Personal information was not checked: whatever the data holds remains in it.',
  piiAllRemain: (findings: string, records: string) =>
    `All ${findings} findings of personal information, in ${records} records, remain: no redacted copy was written.`,
  piiInFilteredCopy: (file: Text, findings: string): Text => [
    'The filtered copy ',
    ...file,
    ` was not redacted: the personal information of the records it kept remains in it (up to ${findings} findings).`,
  ],
  piiKept: (type: Text, n: string): Text => [
    ...type,
    `: ${n} findings kept unchanged, as the rule `,
    { code: 'keep' },
    ' says.',
  ],
  piiUnredacted: (type: Text, left: string, found: string): Text => [
    ...type,
    `: ${left} of ${found} findings were not redacted.`,
  ],
  hazardsUncheckedRemains:
    'Hazardous content was not checked: whatever the data holds remains in it.',
  hazardsAllRemain: (records: string) =>
    `${records} records with hazardous content remain: no filtered copy was written.`,
  codeNotFiltered: (code: Text, n: string): Text => [
    ...code,
    `: ${n} findings not filtered, as the filter left this code out.`,
  ],
  hazardRecordsKept: (kept: string, total: string, threshold: string) =>
    `${kept} of the ${total} records with hazardous content were kept by the filter: their codes ` +
    `were left out of it, or their scores were under its threshold ${threshold}.`,
  malformedRemain: (n: string) =>
    `${n} malformed records could not be read, so what they hold is unknown.`,
  malformedCopiedInto: (file: Text): Text => ['They were copied unchanged into ', ...file, '.'],
  malformedNotCopied: 'They were left out of the redacted copy but remain in the input.',
  missingRemain: (n: string, fields: Text): Text => [
    `${n} records have none of the scanned fields (`,
    ...fields,
    '): nothing in them was checked.',
  ],
  nothingRemains:
    'Nothing that was found remains. What the detection cannot see is listed in the next section.',
  // 5. Limits of the detection
  limitsTitle: '5. Limits of the detection',
  quality: 'Measured detection quality',
  noQuality:
    'This build of anjeon ships no measured figures (detect/model/quality.json is missing): the quality of the detection is unknown.',
  measured: (date: string, split: string) =>
    `Measured with npm run eval:guard on ${date}, on ${split}. Precision, recall and F1 are on ` +
    `the harmful or hateful texts of each set; FPR is the share of its safe texts flagged.`,
  thresholdDiffers: (threshold: string) =>
    `This scan counted a hazard from a score of ${threshold}; the figures were measured at the ` +
    `trained thresholds (0.5), so they describe this scan only roughly.`,
  task: 'Task',
  dataset: 'Dataset',
  language: 'Language',
  texts: 'Texts (harmful / safe)',
  precision: 'Precision',
  recall: 'Recall',
  fpr: 'FPR',
  piiQuality: (dataset: string, records: string, p: string, r: string, decoys: string) =>
    `Personal information (${dataset}; ${records} held-out records): precision ${p}, recall ${r}; ` +
    `look-alike numbers (decoys) reported: ${decoys}.`,
  cannotSee: 'What the detection cannot see',
  noRecogniser:
    'Personal information with no recogniser: names of people, postal addresses, dates of birth ' +
    'on their own, ages, health, religion and other sensitive facts written in prose, user names ' +
    'and account ids, vehicle plates. None of these is counted above.',
  typesNotChecked: (types: Text): Text => [
    'Types anjeon recognises but this scan did not check: ',
    ...types,
    '.',
  ],
  minConfidence: (c: string) =>
    `Findings of personal information with a confidence under ${c} were not counted.`,
  otherLanguages:
    'The hazard detector was trained and measured on Korean and English: hazardous content in ' +
    'other languages, in transliteration or in coded words is mostly missed.',
  onlyText:
    'Only the text of the scanned fields is read: other fields, images, audio, and files or pages ' +
    'that the text links to are not looked at.',
  ownContext:
    'Each record is judged on its own text: harm that needs the context of other records, or ' +
    'that is implied rather than said, can be missed.',
  otherData:
    'The figures come from labelled evaluation sets; on data of another kind (code, long ' +
    'documents, another domain) the error rates can differ.',
  findingsNotPeople:
    "Counts are findings, not people: one person's number written twice counts twice.",
  /** The evaluation's task and threshold names, which quality.json holds in English. */
  evaluation: {} as Record<string, string>,
};

export type DataRiskWords = typeof en;

export const dataRiskWords: Record<Lang, DataRiskWords> = { en, ko };
