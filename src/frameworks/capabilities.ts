// The common capability vocabulary: evidence written once, mapped onto each framework by its crosswalk.

export const capabilityIds = ['cbrn', 'cyber', 'autonomy', 'ml_rnd', 'persuasion'] as const;
export type CapabilityId = (typeof capabilityIds)[number];

export const capabilityNames: Record<CapabilityId, { en: string; ko: string }> = {
  cbrn: { en: 'CBRN weapons uplift', ko: '화생방·핵 무기 역량' },
  cyber: { en: 'Cyber offence', ko: '사이버 공격 역량' },
  autonomy: { en: 'Autonomy and replication', ko: '자율 행동·자기 복제' },
  ml_rnd: { en: 'AI / ML research automation', ko: 'AI 연구개발 자동화' },
  persuasion: { en: 'Persuasion and manipulation', ko: '설득·조작' },
};

/**
 * The common capability scale. Each level is defined by what the model can do, so that a lab's own
 * levels can be placed on it; the crosswalk of every preset says where its levels sit.
 */
export const commonLevels = [
  { level: 0, id: 'none', en: 'no meaningful capability', ko: '의미 있는 역량 없음' },
  {
    level: 1,
    id: 'baseline',
    en: 'no uplift beyond textbooks, search or existing tools',
    ko: '교과서·검색·기존 도구 이상의 도움 없음',
  },
  {
    level: 2,
    id: 'early_warning',
    en: 'meaningful uplift to experts, or early-warning signs of the next threshold',
    ko: '전문가에게 의미 있는 도움, 또는 다음 임계치의 조기 경보 신호',
  },
  {
    level: 3,
    id: 'threshold',
    en: 'significant uplift to novices or end-to-end automation of known attacks (the first critical threshold)',
    ko: '비전문가에게 상당한 도움, 또는 알려진 공격의 전 과정 자동화 (첫 번째 핵심 임계치)',
  },
  {
    level: 4,
    id: 'critical',
    en: 'novel threats, state-level uplift or full automation of research',
    ko: '새로운 위협, 국가 수준의 도움 또는 연구의 완전 자동화',
  },
] as const;
export const commonLevelCount = commonLevels.length;

/** Common security levels 0..5: 0 is below RAND SL1, 1..5 are RAND security levels SL1..SL5. */
export const commonSecurityLevelCount = 6;
/** Common deployment levels 0..3, after the four-step ladder of DeepMind's FSF v1. */
export const commonDeploymentLevels = [
  { level: 0, en: 'standard safety training and misuse filters', ko: '기본 안전 학습과 오용 필터' },
  {
    level: 1,
    en: 'mitigations targeted at the capability (classifiers, monitoring, red-teaming)',
    ko: '해당 역량을 겨냥한 완화 조치 (분류기, 모니터링, 레드팀)',
  },
  {
    level: 2,
    en: 'a safety case with red-team validation of the mitigations',
    ko: '레드팀으로 검증된 안전성 입증(safety case)',
  },
  {
    level: 3,
    en: 'access to the capability prevented (highly restricted internal use)',
    ko: '역량 접근 차단 (극히 제한된 내부 사용)',
  },
] as const;
export const commonDeploymentLevelCount = commonDeploymentLevels.length;

export const commonSafeguardIds = [
  'weights-security',
  'misuse-classifiers',
  'misuse-monitoring',
  'restricted-access',
  'safety-case',
  'red-team-validated',
  'alignment-case',
] as const;
export type CommonSafeguardId = (typeof commonSafeguardIds)[number];

export const commonSafeguardNames: Record<CommonSafeguardId, { en: string; ko: string }> = {
  'weights-security': {
    en: 'model weights hardened against theft by non-state attackers',
    ko: '비국가 공격자의 가중치 탈취에 대비한 보안 강화',
  },
  'misuse-classifiers': {
    en: 'real-time input and output classifiers against misuse',
    ko: '오용 방지 실시간 입출력 분류기',
  },
  'misuse-monitoring': {
    en: 'usage monitoring and rapid response to misuse',
    ko: '사용 모니터링과 오용에 대한 신속 대응',
  },
  'restricted-access': {
    en: 'access limited to vetted or qualified users',
    ko: '검증되거나 자격을 갖춘 사용자로 접근 제한',
  },
  'safety-case': {
    en: 'a safety case or safeguards report approved by the governance body',
    ko: '거버넌스 기구가 승인한 안전성 입증 또는 안전조치 보고서',
  },
  'red-team-validated': {
    en: 'safeguards validated by expert red-teaming',
    ko: '전문가 레드팀으로 검증된 안전조치',
  },
  'alignment-case': {
    en: 'an affirmative case that misaligned goals are not a material risk',
    ko: '목표 오정렬이 중대한 위험이 아니라는 적극적 입증',
  },
};
