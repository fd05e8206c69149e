// Every sentence the engine says, in English and Korean, rendered from structured notes.

export const languages = ['en', 'ko'] as const;
export type Lang = (typeof languages)[number];

export interface Note {
  key: string;
  params: Record<string, string | number>;
  /** Why the note applies (which domain, level and evaluation); rendered after it. */
  because?: Note[];
}

type Catalogue = Record<string, string>;

const en: Catalogue = {
  'action.develop': 'develop',
  'action.deploy': 'deploy',
  'evidence.future': '{count} evaluation(s) dated after {as_of} were not used',
  'evidence.other_framework': '{count} evaluation(s) for other frameworks were not used',
  'evidence.no_crosswalk':
    '{count} evaluation(s) give common capabilities, but {framework} has no crosswalk; they were not used',
  'evidence.metric_disagrees':
    '{domain}: the level given ({given}) and the level its metrics reach ({derived}) differ; the higher one is used',
  'evidence.metric_below': '{domain}: no metric threshold reached, so {level}',
  'evidence.metric_met': '{metric} {value} {op} {limit} gives {level}',
  'evidence.crosswalk': 'common {capability} {field} level {common} maps to {domain} {level}',
  'evidence.no_scale': '{framework} has no {field} scale; safeguards.{field} was not used',
  'evidence.unknown_safeguards': 'implemented safeguards not defined by {framework}: {ids}',
  'why.overall.level': "the model's overall level is {level}",
  'why.overall.pre': 'the overall pre-mitigation level is {level}',
  'why.overall.post': 'the overall post-mitigation level is {level}',
  'why.domain.level': '{domain} is {level} (evaluation {evaluation})',
  'why.domain.pre': 'pre-mitigation {domain} is {level} (evaluation {evaluation})',
  'why.domain.post': 'post-mitigation {domain} is {level} (evaluation {evaluation})',
  'why.context': 'context.{path} is {value}',
  'why.flag': '{flag} applies',
  'why.tier': 'the system is classified {tier}',
  'classification.missing':
    '{tier} only by default: context.{path} is not given, so none of the questions was answered',
  'classification.rule': '{tier}: {because} {source}',
  'classification.default': '{tier}: no rule for a higher tier applies',
  'classification.flag': '{flag}: {because} {source}',
  'next.not_applicable': 'this framework classifies systems; it sets no re-evaluation schedule',
  'next.never_evaluated': 'no evaluation under this framework is recorded; evaluate now',
  'next.no_triggers': 'this framework sets no re-evaluation trigger',
  'next.interval': '{period} after the latest evaluation ({latest}): due {due_date} [{rule}]',
  'next.interval_due':
    '{period} after the latest evaluation ({latest}) passed on {due_date} [{rule}]',
  'next.event': 're-evaluate on {events}; none recorded since {latest} [{rule}]',
  'next.event_due': '{event} on {date} came after the latest evaluation ({latest}) [{rule}]',
  'next.flagged':
    'marked as due on {date}, after the latest evaluation ({latest}): {note} [evaluation-due]',
  'next.compute_unknown':
    'no evaluation records effective compute, so the {multiple}x compute trigger cannot be checked [{rule}]',
  'next.compute_no_current':
    "due at {due_at} FLOP ({multiple}x the {basis} of {date}); the model's current effective compute is not given [{rule}]",
  'next.compute':
    'effective compute {current} is below {due_at} ({multiple}x the {basis} of {date}) [{rule}]',
  'next.compute_due':
    'effective compute {current} {op} {due_at} ({multiple}x the {basis} of {date}) [{rule}]',
  'gate.not_classified':
    'context.{path} is not given; {action} needs the classification questions answered [classification]',
  'gate.stale':
    'the evidence is overdue for re-evaluation; {action} needs current evidence [stale-evidence]',
  'gate.all_evaluated': 'all {count} domains have been evaluated [evidence]',
  'gate.not_evaluated':
    '{domain} was not evaluated; a domain without evidence blocks every action [evidence]',
  'gate.block_rule': '{message}: {because} [{rule}]',
  'gate.block_rule_clear': 'rule {rule} does not apply [{rule}]',
  'gate.ceiling.level':
    '{domain} is {level} (evaluation {evaluation}); {action} needs <= {limit} [{rule}]',
  'gate.ceiling.pre':
    'pre-mitigation {domain} is {level} (evaluation {evaluation}); {action} needs <= {limit} [{rule}]',
  'gate.ceiling.post':
    'post-mitigation {domain} is {level} (evaluation {evaluation}); {action} needs <= {limit} [{rule}]',
  'gate.ceiling_ok.level': 'every domain is <= {limit} [{rule}]',
  'gate.ceiling_ok.pre': 'every pre-mitigation level is <= {limit} [{rule}]',
  'gate.ceiling_ok.post': 'every post-mitigation level is <= {limit} [{rule}]',
  'gate.context_missing': 'context.{path} is not given; {action} needs it [context.{path}]',
  'safeguard.met': 'safeguard {safeguard} is implemented, as required because {because} [{rule}]',
  'safeguard.unmet':
    'safeguard {safeguard} is required because {because}, and is not implemented [{rule}]',
  'safeguard.security_met': 'security {actual} meets the required {required} ({because}) [{rule}]',
  'safeguard.security_low':
    'security {required} is required because {because}; in place: {actual}{assumed} [{rule}]',
  'safeguard.security_missing':
    'security {required} is required because {because}; none is recorded [{rule}]',
  'safeguard.deployment_met':
    'deployment safeguards {actual} meet the required {required} ({because}) [{rule}]',
  'safeguard.deployment_low':
    'deployment safeguards {required} are required because {because}; in place: {actual}{assumed} [{rule}]',
  'safeguard.deployment_missing':
    'deployment safeguards {required} are required because {because}; none are recorded [{rule}]',
  'safeguard.assumed': ' (none recorded, counted as the lowest level)',
  'warning.rule': '{message} ({because}) [{rule}]',
  'warning.advisory': 'advisory: {because}',
  'warning.due': 're-evaluation is due: {because}',
  'warning.stale_domain':
    '{domain} was last evaluated on {date}; on its own it was due again on {due_date} [{rule}]',
  'warning.post_above_pre':
    '{domain}: post-mitigation {post} is above pre-mitigation {pre} (evaluation {evaluation})',
  'period.months': '{n} month(s)',
  'period.days': '{n} day(s)',
  because: 'because',
};

const ko: Catalogue = {
  'action.develop': '개발 계속',
  'action.deploy': '배포',
  'evidence.future': '{as_of} 이후 날짜의 평가 {count}건은 사용하지 않았습니다',
  'evidence.other_framework': '다른 프레임워크용 평가 {count}건은 사용하지 않았습니다',
  'evidence.no_crosswalk':
    '평가 {count}건이 공통 역량 수준을 제시했지만 {framework}에는 대응표(crosswalk)가 없어 사용하지 않았습니다',
  'evidence.metric_disagrees':
    '{domain}: 제시된 수준({given})과 지표가 가리키는 수준({derived})이 달라 더 높은 쪽을 사용합니다',
  'evidence.metric_below': '{domain}: 지표가 어떤 임계치에도 이르지 않아 {level}',
  'evidence.metric_met': '{metric} {value} {op} {limit} 이므로 {level}',
  'evidence.crosswalk': '공통 {capability} {field} 수준 {common}은(는) {domain} {level}에 해당',
  'evidence.no_scale':
    '{framework}에는 {field} 척도가 없어 safeguards.{field}를 사용하지 않았습니다',
  'evidence.unknown_safeguards': '{framework}에 정의되지 않은 안전조치: {ids}',
  'why.overall.level': '모델의 전체 수준이 {level}',
  'why.overall.pre': '전체 완화 전 수준이 {level}',
  'why.overall.post': '전체 완화 후 수준이 {level}',
  'why.domain.level': '{domain}이(가) {level} (평가 {evaluation})',
  'why.domain.pre': '{domain}의 완화 전 수준이 {level} (평가 {evaluation})',
  'why.domain.post': '{domain}의 완화 후 수준이 {level} (평가 {evaluation})',
  'why.context': 'context.{path} 값이 {value}',
  'why.flag': '{flag} 해당',
  'why.tier': '시스템 등급이 {tier}',
  'classification.missing': '기본값 {tier}: context.{path}가 없어 어떤 질문에도 답하지 않았습니다',
  'classification.rule': '{tier}: {because} {source}',
  'classification.default': '{tier}: 더 높은 등급의 규칙에 해당하지 않음',
  'classification.flag': '{flag}: {because} {source}',
  'next.not_applicable': '시스템을 분류하는 프레임워크로, 재평가 일정을 정하지 않습니다',
  'next.never_evaluated': '이 프레임워크로 기록된 평가가 없습니다. 지금 평가하십시오',
  'next.no_triggers': '이 프레임워크는 재평가 조건을 정하지 않습니다',
  'next.interval': '최근 평가({latest}) 후 {period}: {due_date}에 도래 [{rule}]',
  'next.interval_due': '최근 평가({latest}) 후 {period}이(가) {due_date}에 지났습니다 [{rule}]',
  'next.event': '{events} 발생 시 재평가; {latest} 이후 기록 없음 [{rule}]',
  'next.event_due': '{date}의 {event}이(가) 최근 평가({latest}) 이후에 있었습니다 [{rule}]',
  'next.flagged': '최근 평가({latest}) 이후 {date}에 재평가 필요로 표시됨: {note} [evaluation-due]',
  'next.compute_unknown':
    '유효 연산량을 기록한 평가가 없어 {multiple}배 연산량 조건을 확인할 수 없습니다 [{rule}]',
  'next.compute_no_current':
    '{due_at} FLOP에서 도래 ({date} 평가의 {basis}의 {multiple}배); 모델의 현재 유효 연산량이 없습니다 [{rule}]',
  'next.compute':
    '유효 연산량 {current}은(는) {due_at} 미만 ({date} 평가의 {basis}의 {multiple}배) [{rule}]',
  'next.compute_due':
    '유효 연산량 {current} {op} {due_at} ({date} 평가의 {basis}의 {multiple}배) [{rule}]',
  'gate.not_classified':
    'context.{path}가 없습니다. {action}에는 시스템 분류가 필요합니다 [classification]',
  'gate.stale':
    '증거가 재평가 시기를 넘겼습니다. {action}에는 최신 증거가 필요합니다 [stale-evidence]',
  'gate.all_evaluated': '{count}개 영역 모두 평가됨 [evidence]',
  'gate.not_evaluated':
    '{domain}은(는) 평가되지 않았습니다. 증거 없는 영역은 모든 행위를 막습니다 [evidence]',
  'gate.block_rule': '{message}: {because} [{rule}]',
  'gate.block_rule_clear': '규칙 {rule} 해당 없음 [{rule}]',
  'gate.ceiling.level':
    '{domain}이(가) {level} (평가 {evaluation}); {action}에는 {limit} 이하가 필요합니다 [{rule}]',
  'gate.ceiling.pre':
    '{domain}의 완화 전 수준이 {level} (평가 {evaluation}); {action}에는 {limit} 이하가 필요합니다 [{rule}]',
  'gate.ceiling.post':
    '{domain}의 완화 후 수준이 {level} (평가 {evaluation}); {action}에는 {limit} 이하가 필요합니다 [{rule}]',
  'gate.ceiling_ok.level': '모든 영역이 {limit} 이하 [{rule}]',
  'gate.ceiling_ok.pre': '모든 완화 전 수준이 {limit} 이하 [{rule}]',
  'gate.ceiling_ok.post': '모든 완화 후 수준이 {limit} 이하 [{rule}]',
  'gate.context_missing': 'context.{path}가 없습니다. {action}에 필요합니다 [context.{path}]',
  'safeguard.met': '안전조치 {safeguard} 이행됨 (필요 이유: {because}) [{rule}]',
  'safeguard.unmet':
    '안전조치 {safeguard}가 필요하지만(이유: {because}) 이행되지 않았습니다 [{rule}]',
  'safeguard.security_met':
    '보안 수준 {actual}이(가) 요구 수준 {required}를 충족 ({because}) [{rule}]',
  'safeguard.security_low':
    '보안 수준 {required}이(가) 필요합니다(이유: {because}). 현재: {actual}{assumed} [{rule}]',
  'safeguard.security_missing':
    '보안 수준 {required}이(가) 필요합니다(이유: {because}). 기록 없음 [{rule}]',
  'safeguard.deployment_met':
    '배포 안전조치 {actual}이(가) 요구 수준 {required}를 충족 ({because}) [{rule}]',
  'safeguard.deployment_low':
    '배포 안전조치 {required}이(가) 필요합니다(이유: {because}). 현재: {actual}{assumed} [{rule}]',
  'safeguard.deployment_missing':
    '배포 안전조치 {required}이(가) 필요합니다(이유: {because}). 기록 없음 [{rule}]',
  'safeguard.assumed': ' (기록 없음, 최저 수준으로 간주)',
  'warning.rule': '{message} ({because}) [{rule}]',
  'warning.advisory': '권고: {because}',
  'warning.due': '재평가 시기입니다: {because}',
  'warning.stale_domain':
    '{domain}의 마지막 평가는 {date}로, 그 자체로는 {due_date}에 재평가 시기가 되었습니다 [{rule}]',
  'warning.post_above_pre':
    '{domain}: 완화 후 수준 {post}이(가) 완화 전 수준 {pre}보다 높습니다 (평가 {evaluation})',
  'period.months': '{n}개월',
  'period.days': '{n}일',
  because: '이유',
};

const catalogues: Record<Lang, Catalogue> = { en, ko };

export function formatNumber(n: number): string {
  if (Math.abs(n) >= 1e5) return n.toExponential().replace('e+', 'e');
  return String(Number(n.toPrecision(6)));
}

type Part = string | { name: string };

/** Templates split once into literal text and parameter slots; rendering is then a join. */
const compiled = new Map<string, Part[]>();

function compile(template: string): Part[] {
  let parts = compiled.get(template);
  if (parts) return parts;
  parts = template
    .split(/\{([a-z_]+)\}/)
    .map((piece, i) => (i % 2 === 1 ? { name: piece } : piece));
  compiled.set(template, parts);
  return parts;
}

function fill(template: string, params: Record<string, string>): string {
  let out = '';
  for (const part of compile(template)) {
    if (typeof part === 'string') out += part;
    else out += params[part.name] ?? `{${part.name}}`;
  }
  return out;
}

/** Renders a note; `{because}` is filled from its nested notes, or they are appended in brackets. */
export function renderNote(note: Note, lang: Lang = 'en'): string {
  const catalogue = catalogues[lang];
  let template = catalogue[note.key] ?? en[note.key] ?? note.key;
  const because = note.because?.length
    ? note.because.map((n) => renderNote(n, lang)).join('; ')
    : '';
  // Without a reason to give, drop the bracket that would hold it rather than print "()".
  if (!because) template = template.replace(' ({because})', '');
  const params: Record<string, string> = { because };
  for (const [k, v] of Object.entries(note.params)) {
    params[k] = typeof v === 'number' ? formatNumber(v) : v;
  }
  if (params.action) params.action = catalogue[`action.${params.action}`] ?? params.action;
  if (lang === 'ko' && note.params.message_ko !== undefined)
    params.message = String(note.params.message_ko);
  if (note.params.months !== undefined)
    params.period = fill(catalogue['period.months']!, { n: params.months! });
  if (note.params.days !== undefined)
    params.period = fill(catalogue['period.days']!, { n: params.days! });
  if (note.params.assumed === 'yes') params.assumed = catalogue['safeguard.assumed']!;
  let text = fill(template, params);
  if (because && !template.includes('{because}')) text += ` (${because})`;
  // An empty optional parameter (a rule without a source) leaves a stray space behind.
  return text.includes('  ') || text.endsWith(' ') ? text.replace(/ {2,}/g, ' ').trimEnd() : text;
}
