// The words of the scan benchmark's corpus: sentence templates with slots, decoys, and the
// phrases that carry personal data, in Korean and English. Written for anjeon.

import type { PiiType } from '../src/detect/types.js';

const lines = (block: string) => block.trim().split('\n');
export const words = (list: string) => list.trim().split(/\s*\|\s*/);

export const fill = {
  ko: {
    p: words(`무선 이어폰|노트북|공기청정기|전기밥솥|운동화|겨울 패딩|블루투스 스피커|로봇청소기|스마트워치|캠핑 의자|
      커피 머신|가습기|모니터|기계식 키보드|유아용 카시트|전동 칫솔|캐리어|선크림|프라이팬 세트|책상 조명|태블릿 케이스`),
    c: words(
      `서울|부산|대구|인천 송도|광주|대전|울산|수원|제주|강릉|전주|성남 분당|고양 일산|창원|청주|천안|포항`,
    ),
    w: words(`월요일|화요일|수요일|목요일|금요일|토요일|일요일`),
    m: words(
      `한빛전자|미래물산|서해식품|누리소프트|동방택배|바른가구|하늘항공|초록마켓|새솔통신|다온제약`,
    ),
    x: words(
      `금리 인상|반도체 수출|전기차 보조금|폭염 대책|청년 주거 지원|지역 축제|의대 정원|저출산 대책|K-콘텐츠 수출`,
    ),
  },
  en: {
    p: words(`wireless earbuds|laptop|air purifier|rice cooker|running shoes|winter jacket|bluetooth speaker|
      robot vacuum|smartwatch|camping chair|coffee machine|humidifier|monitor|mechanical keyboard|car seat|
      electric toothbrush|suitcase|sunscreen|frying pan set|desk lamp|tablet case`),
    c: words(
      `Seoul|Busan|Daegu|Incheon|Gwangju|Daejeon|Ulsan|Suwon|Jeju|Gangneung|Jeonju|Seongnam|Changwon|Cheongju`,
    ),
    w: words(`Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday`),
    m: words(`Hanbit Electronics|Mirae Trading|Seohae Foods|Nuri Soft|Dongbang Logistics|Bareun Furniture|
      Haneul Air|Chorok Market|Saesol Telecom|Daon Pharma`),
    x: words(`interest rates|chip exports|EV subsidies|the heat wave|youth housing|a local festival|
      medical school quotas|the birth rate|K-content exports`),
  },
};

export const sentences = {
  ko: {
    support: lines(`
안녕하세요, {d}에 주문한 {p} 관련해서 문의드립니다.
주문번호 {o} 상품이 아직 도착하지 않았어요.
배송 조회를 해 보니 {c} 물류센터에서 {n}일째 멈춰 있습니다.
받은 {p} 포장이 찢어져 있었고 본체에 흠집이 있어요.
교환이 가능한지, 아니면 환불로 진행해야 하는지 알려 주세요.
결제 금액은 {a}이었는데 카드 명세서에는 두 번 청구되었습니다.
{w} 오후 {t}쯤 기사님이 오셨는데 부재중 안내 문자도 없었습니다.
사용한 지 {n}주 만에 전원이 켜지지 않습니다.
설명서대로 초기화를 해 봤지만 증상이 똑같아요.
반품 접수는 어디에서 하면 되나요?
쿠폰을 적용했는데 할인 금액이 {a}만 반영되었어요.
담당자분과 통화하고 싶은데 상담 가능한 시간이 언제인가요?
이번 주 {w}까지는 꼭 받아야 하는 선물이라 걱정됩니다.
빠른 확인 부탁드립니다. 감사합니다.
답변이 늦어지면 소비자원에 문의할 수밖에 없을 것 같아요.
지난번에도 같은 문제가 있어서 {m}에 한 번 연락드린 적이 있습니다.`),
    review: lines(`
{p} 정말 만족합니다. 가격 대비 성능이 좋아요.
배송이 {n}일 만에 와서 놀랐어요.
디자인은 예쁜데 생각보다 무게가 좀 있네요.
{c}에 사는 부모님께 선물로 드렸는데 아주 좋아하십니다.
소음이 거의 없어서 밤에 켜 두어도 괜찮아요.
색상이 사진과 조금 달라서 별 하나 뺐습니다.
두 달째 쓰고 있는데 아직까지 고장 없이 잘 됩니다.
{a}에 샀는데 일주일 뒤에 할인해서 조금 아쉽네요.
조립이 어렵다는 후기가 많았는데 {n}분이면 충분했어요.
재구매 의사 있습니다. 지인들에게도 추천했어요.
포장이 꼼꼼해서 파손 걱정이 없었습니다.
배터리가 하루 종일 가고 충전도 빨라요.
솔직히 광고만큼은 아니지만 이 가격이면 쓸 만합니다.
고객센터 응대가 친절해서 기분 좋게 해결했어요.`),
    news: lines(`
{m} 측은 {d} 올해 {x} 관련 계획을 발표했다.
업계에 따르면 {c} 지역의 수요가 전년보다 {n}% 늘었다.
전문가들은 {x} 문제가 내년 경기에 영향을 줄 것으로 내다봤다.
정부는 {w} 관계부처 회의를 열고 후속 대책을 논의했다.
{c}시는 {d}부터 시민 의견을 받는다고 밝혔다.
이번 조치로 약 {n}만 가구가 혜택을 볼 것으로 예상된다.
한편 {m} 측은 구체적인 일정은 아직 정해지지 않았다고 말했다.
시장에서는 {x}에 대한 불확실성이 여전히 크다는 평가가 나온다.
관계자는 현장 점검 결과를 다음 달 공개할 예정이라고 전했다.
지난해 같은 기간 매출은 {a} 수준이었다.
행사는 {c} 일대에서 {t}부터 열린다.
주민들은 교통 혼잡을 우려하며 대책 마련을 요구했다.`),
  },
  en: {
    support: lines(`
Hi, I am writing about the {p} I ordered on {d}.
Order {o} still has not arrived.
Tracking says it has been stuck at the {c} hub for {n} days.
The box was torn and the {p} has a scratch on the front.
Can I get an exchange, or do I need to request a refund?
I was charged {a} but my card statement shows the charge twice.
The courier came around {t} on {w} and did not leave a note.
It stopped turning on after {n} weeks of use.
I tried a factory reset as the manual says, but nothing changed.
Where do I start a return?
The coupon only took {a} off instead of the full discount.
I would like to talk to someone. When is your support line open?
It is a gift, so I really need it by {w}.
Please look into this soon. Thanks.
If this drags on I will have to file a complaint.
I contacted {m} about the same problem last time.`),
    review: lines(`
Really happy with this {p}, great value for the price.
Shipping took only {n} days, which surprised me.
Looks nice, but it is heavier than I expected.
Bought it for my parents in {c} and they love it.
Almost silent, so I leave it running at night.
The color is a bit off from the photos, so four stars.
Two months in and no problems so far.
Paid {a} and it went on sale a week later, a little annoying.
Reviews said assembly was hard, but it took {n} minutes.
Would buy again and already recommended it to friends.
Packed carefully, nothing was damaged.
Battery lasts all day and charges quickly.
Not quite as good as the ads, but fine for this price.
Customer service was friendly and sorted it out fast.`),
    news: lines(`
{m} announced its plans on {x} on {d}.
Demand in {c} rose {n}% from a year earlier, according to the industry.
Analysts expect {x} to weigh on growth next year.
The government held an inter-ministerial meeting on {w} to discuss follow-up steps.
The city of {c} said it will take public comments from {d}.
About {n}0,000 households are expected to benefit from the measure.
{m} said the exact schedule has not been set.
Markets still see a lot of uncertainty around {x}.
Officials said inspection results will be released next month.
Sales in the same period last year were around {a}.
The event starts at {t} in downtown {c}.
Residents raised concerns about traffic and asked for a plan.`),
  },
};

/** Numbers that look like personal data to a regex but are not: what a scanner must not flag. */
export const decoys = {
  ko: lines(`
주문번호 {o} 확인했습니다.
{d} 기준 재고는 {n}개입니다.
총 결제 금액 {a} (부가세 포함)
운송장 번호 CJ{n}{n}-{n}{n} 로 조회됩니다.
모델명 SM-R{n}{n}0N, 펌웨어 버전 2.{n}.1 입니다.
영업시간은 오전 9시부터 {t}까지입니다.`),
  en: lines(`
Order number {o} confirmed.
Stock as of {d}: {n} units.
Total charged {a} (VAT included).
Tracking code CJ{n}{n}-{n}{n}.
Model SM-R{n}{n}0N, firmware version 2.{n}.1.
Open from 9 am until {t}.`),
};

// Each planted value sits in a phrase a person would write; {v} is the value. None ends with the
// value: shuffled before "4111 1111 ..." it would read as one longer number, and anjeon rightly
// declines to call that a card.
export const piiPhrases: Record<'ko' | 'en', Partial<Record<PiiType, string[]>>> = {
  ko: {
    kr_rrn: lines(`
본인 확인용 주민등록번호는 {v}입니다.
주민번호 {v} 로 조회해 주세요.
생년월일 확인 부탁드려요. 번호는 {v}입니다.`),
    kr_frn: lines(`
외국인등록번호 {v} 로 가입했습니다.
제 등록번호는 {v}이고 비자는 E-9입니다.`),
    phone: lines(`
제 연락처는 {v}입니다.
{v}로 문자 주시면 바로 확인할게요.
급하시면 {v} 번호로 전화 주세요.`),
    email: lines(`
영수증은 {v} 로 보내 주세요.
이메일 {v} 로 회신 부탁드립니다.`),
    credit_card: lines(`
결제한 카드번호는 {v}입니다.
{v} 카드로 결제했는데 승인이 두 번 났어요.`),
    kr_brn: lines(`
세금계산서 발행용 사업자등록번호 {v} 입니다.
저희 업체 사업자번호는 {v}입니다.`),
    kr_passport: lines(`
여권번호 {v} 로 예약되어 있습니다.
출국 전에 여권 {v} 정보를 수정하고 싶어요.`),
    kr_driver_license: lines(`
운전면허번호 {v} 로 렌터카 예약했습니다.
면허증 번호는 {v}입니다.`),
    ip_address: lines(`
{v} 에서 로그인 시도가 있었다는 알림을 받았어요.
접속 IP {v} 는 제가 아닙니다.`),
  },
  en: {
    kr_rrn: lines(`
My resident registration number is {v}.
RRN {v}, please check my account.`),
    kr_frn: lines(`
My alien registration number is {v}.
ARC number {v} for the visa renewal.`),
    phone: lines(`
You can reach me at {v}.
Please call {v} after 6 pm.
Text me on {v} when it ships.`),
    email: lines(`
Send the receipt to {v} please.
My email is {v}.`),
    credit_card: lines(`
The card I used is {v}.
I paid with card {v} and got charged twice.`),
    kr_brn: lines(`
Our business registration number is {v}.
Invoice to BRN {v}, thanks.`),
    kr_passport: lines(`
The booking is under passport number {v}.
Passport {v}, please update the reservation.`),
    kr_driver_license: lines(`
Driver's license number {v} for the rental.
My licence is {v}.`),
    ip_address: lines(`
I got an alert about a login from {v}.
The server at {v} keeps timing out.`),
  },
};
