// Korean words of one syllable that stand alone in ordinary spaced writing ("좀 더 잘 해 봐").

/**
 * Pronouns, determiners, adverbs, counters, common nouns, short verb forms and interjections. A
 * space-separated run of single syllables made mostly of these is a normal sentence; one made
 * mostly of other syllables (폭 탄 만 드 는: particles and word fragments never stand alone) is a
 * word spelled out to evade.
 */
export const koreanSingleSyllableWords: ReadonlySet<string> = new Set(
  (
    '이 그 저 내 네 제 니 너 나 난 넌 날 널 걔 얘 쟤 뭐 뭘 뭔 왜 웬 누 ' +
    '더 덜 잘 못 안 꼭 또 곧 좀 참 막 딱 다 확 쭉 꽤 늘 퍽 영 꽉 푹 쑥 ' +
    '한 두 세 석 넉 몇 각 전 후 첫 새 헌 온 옛 딴 ' +
    '것 거 수 때 데 중 등 및 번 개 명 분 년 월 일 시 초 원 살 점 말 집 밥 물 돈 길 문 책 ' +
    '눈 손 발 차 술 약 옷 꽃 산 강 달 별 비 잠 꿈 맘 몸 힘 땅 팔 배 코 귀 입 벽 방 끝 앞 ' +
    '뒤 위 밑 속 옆 밖 곳 쪽 편 탓 덕 채 척 뿐 줄 리 듯 양 체 판 맛 값 글 뜻 답 빛 색 ' +
    '해 돼 줘 봐 와 가 자 서 됐 했 봤 갔 왔 줬 샀 함 됨 임 ' +
    '아 오 응 예 흠 헐 엥 어 에 음 흥 칫 쳇'
  ).split(' '),
);
