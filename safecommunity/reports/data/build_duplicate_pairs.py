"""Build duplicate_pairs.json: the labelled set duplicate suggestions are measured on.

Run: ``.venv/bin/python safecommunity/reports/data/build_duplicate_pairs.py``

Each scenario is one incident told by two to four people (the person targeted,
a relative, a witness, staff of the place), often in different languages, as
reports to a coalition look: different details, different words, a date a day
off or only a month. Reports of the same scenario are duplicate pairs. Every
two reports of different scenarios that a coordinator would have to tell apart
(same region or both online, dates within two weeks) are labelled "not the same
incident"; some scenarios were written as traps: the same bus route, store,
school, mosque or parking lot, days apart, with other people. The texts are
invented; names of places are real Sacramento-area places, names of people and
accounts are made up.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("duplicate_pairs.json")
WINDOW_DAYS = 14

# (scenario, region or None for online, date, time_of_day, location_type, incident_types, ethnicities,
#  [(suffix, language, day offset, precision, place, description, attachments)])
SCENARIOS: list[tuple[Any, ...]] = [
    ("s01", "sacramento", "2026-01-12", "morning", "public_transit", ["verbal_harassment", "coughed_spat_on"], ["korean"], [
        ("a", "en", 0, "day", "Route 51 bus, Stockton Blvd",
         "My mother was on the 51 bus going down Stockton Blvd around 8 in the morning. A man in a red jacket coughed on her on purpose and yelled that Koreans brought the virus. The driver did nothing.", []),
        ("b", "ko", 0, "day", "51번 버스 Stockton Blvd",
         "1월 12일 아침 8시쯤 51번 버스를 타고 Stockton Blvd를 지나가고 있었는데, 빨간 재킷을 입은 남자가 일부러 저에게 기침을 하고 한국 사람들이 바이러스를 가져왔다고 소리를 질렀습니다. 버스 기사는 아무것도 하지 않았어요.", []),
        ("c", "en", 0, "day", "51 bus near Fruitridge Rd",
         "Saw a guy in a red jacket harass an older Korean lady on the 51 this morning near Fruitridge. He coughed right in her face and shouted about the virus.", []),
    ]),
    ("s02", "elk-grove", "2026-01-15", "afternoon", "business", ["coughed_spat_on", "verbal_harassment"], ["vietnamese"], [
        ("a", "vi", 0, "day", "Walmart, Laguna Blvd",
         "Chiều nay ở siêu thị Walmart trên đường Laguna Blvd, một người đàn ông nhổ nước bọt vào tôi và chửi tôi là đồ Tàu, bảo tôi cút về nước. Cô thu ngân đã nhìn thấy hết.", []),
        ("b", "en", 0, "day", "Walmart on Laguna Blvd",
         "My dad was spat on at the Walmart on Laguna Blvd this afternoon. A white man in his 50s cursed at him, called him a slur and told him to go back to his country. The cashier saw it.", []),
        ("c", "en", 1, "day", "Walmart Laguna",
         "I work as a cashier at the Walmart on Laguna. Yesterday around 3 pm a customer spit at an older Vietnamese man in my line and told him to go back where he came from. I called my manager.", []),
    ]),
    ("s03", "sacramento", "2026-01-20", "morning", "park", ["physical_assault", "verbal_harassment"], ["chinese"], [
        ("a", "zh-hans", 0, "day", "William Land 公园",
         "1月20日早上我在William Land公园散步，一个年轻男子从后面把我推倒，骂我是中国病毒。我的手腕骨折了，在医院缝了针。", []),
        ("b", "en", 0, "day", "William Land Park",
         "My grandmother (78) was pushed to the ground while walking in William Land Park in the morning. The man shouted 'Chinese virus' at her. She broke her wrist and is at Sutter hospital.", []),
        ("c", "zh-hant", 0, "day", "William Land 公園",
         "今天早上在William Land公園，我看到一位老太太被一個年輕男子推倒，他還罵她是中國病毒。我幫她叫了救護車。", []),
    ]),
    ("s04", "sacramento", "2026-01-22", "night", "business", ["vandalism"], ["vietnamese"], [
        ("a", "en", 0, "day", "Pho Saigon Noodle House, 6930 Stockton Blvd",
         "Someone smashed the front window of our restaurant, Pho Saigon Noodle House on Stockton Blvd, overnight and spray painted 'Go home' and a slur on the door. We found it at 6 am.", ["sha-s04-window"]),
        ("b", "vi", 0, "day", "6930 Stockton Blvd",
         "Đêm 22 tháng 1, có người đập vỡ kính cửa tiệm phở của chúng tôi trên đường Stockton Blvd và phun sơn chữ 'Go home' lên cửa. Sáng ra mới phát hiện.", ["sha-s04-window"]),
        ("c", "en", 1, "day", "",
         "Walking by Pho Saigon on Stockton this morning I saw their window broken and graffiti on the door telling them to go home. Awful.", []),
    ]),
    ("s05", None, "2026-01-25", "evening", "online", ["online_harassment"], ["korean"], [
        ("a", "en", 0, "day", "Facebook",
         "Our church's Facebook page was flooded with hateful comments after we posted about the Lunar New Year festival. Dozens of comments calling us dog eaters and telling us to go back to Korea, from an account named patriot_1776.", []),
        ("b", "ko", 0, "day", "페이스북",
         "설날 행사 게시물을 올린 뒤 우리 교회 페이스북 페이지에 patriot_1776이라는 계정이 개를 먹는 사람들이라며 한국으로 돌아가라는 혐오 댓글을 수십 개 달았습니다.", []),
        ("c", "en", 1, "day", "",
         "Account patriot_1776 keeps posting racist comments on the Korean Presbyterian Church of Sacramento facebook page under the new year festival post.", []),
    ]),
    ("s06", "elk-grove", "2026-02-02", "afternoon", "school", ["verbal_harassment", "physical_assault"], ["hmong"], [
        ("a", "hmn", 0, "day", "Harriet Eddy Middle School",
         "Kuv tus tub 13 xyoo kawm ntawv ntawm Harriet Eddy Middle School. Hnub 2 lub Ob Hlis, peb tug tub kawm ntawv thuam nws tias ching chong thiab thawb nws poob rau hauv av thaum noj su.", []),
        ("b", "en", 0, "day", "Harriet Eddy Middle School",
         "A 7th grade Hmong student at Harriet Eddy Middle School was pushed down at lunch by three classmates who mocked him with 'ching chong'. I am the school counselor and reported it to the principal.", []),
        ("c", "en", 1, "day", "Harriet Eddy",
         "My son was bullied at Harriet Eddy at lunchtime, three kids pushed him to the ground and made fun of his eyes.", []),
    ]),
    ("s07", "west-sacramento", "2026-02-05", "night", "business", ["threat", "verbal_harassment"], ["south_asian"], [
        ("a", "pa", 0, "day", "Chevron, West Capitol Ave",
         "5 ਫ਼ਰਵਰੀ ਦੀ ਰਾਤ ਨੂੰ West Capitol Ave ਵਾਲੇ Chevron ਪੈਟਰੋਲ ਪੰਪ ਤੇ ਇੱਕ ਆਦਮੀ ਨੇ ਮੇਰੀ ਪੱਗ ਬਾਰੇ ਗਾਲ੍ਹਾਂ ਕੱਢੀਆਂ ਅਤੇ ਕਿਹਾ ਕਿ ਉਹ ਮੈਨੂੰ ਗੋਲੀ ਮਾਰ ਦੇਵੇਗਾ। ਉਸ ਕੋਲ ਚਿੱਟਾ ਪਿਕਅੱਪ ਟਰੱਕ ਸੀ।", []),
        ("b", "en", 0, "day", "Chevron on West Capitol Ave",
         "My coworker who wears a turban was threatened at the Chevron on West Capitol Ave around 11 pm. A man in a white pickup truck called him a terrorist and said he would shoot him.", []),
        ("c", "en", 0, "day", "",
         "At the Chevron on West Capitol late at night, a guy from a white pickup screamed at the Sikh clerk and threatened to shoot him. License plate started with 8KX.", []),
    ]),
    ("s08", "sacramento", "2026-02-08", "evening", "public_transit", ["verbal_harassment", "coughed_spat_on"], ["filipino"], [
        ("a", "tl", 0, "day", "Blue Line light rail",
         "Noong Pebrero 8 ng gabi, sa light rail Blue Line papuntang Watt/I-80, may lalaking sumigaw sa akin na umuwi na ako sa bansa ko at dinuraan ako. Nars ako at naka-uniporme pa ako.", []),
        ("b", "en", 0, "day", "Blue Line light rail",
         "I'm a nurse. On the Blue Line light rail heading to Watt/I-80 on the evening of Feb 8, a man yelled at me to go back to my country and spat on me. I was still in my scrubs.", []),
        ("c", "en", 0, "day", "Marconi station",
         "Watched a man spit at a Filipina nurse on the Blue Line near the Marconi station tonight and yell at her to go home. Other passengers just looked away.", []),
    ]),
    ("s09", "sacramento", "2026-02-01", "", "residence", ["civil_rights_violation"], ["chinese"], [
        ("a", "zh-hans", 0, "month", "Riverside Apartments",
         "二月份我申请租Riverside Apartments的公寓，房东在电话里听到我的口音以后说没有空房了，但是我朋友用英文名字打电话，他说还有两间。", []),
        ("b", "en", 9, "day", "Riverside Apartments",
         "My friend applied for an apartment at Riverside Apartments. After the landlord heard her Chinese accent he said nothing was available. When I called with an American name the same day, he said two units were open.", []),
    ]),
    ("s10", "sacramento", "2026-02-10", "night", "place_of_worship", ["vandalism", "threat"], ["middle_eastern_north_african"], [
        ("a", "ar", 0, "day", "مسجد السلام، Northgate Blvd",
         "في ليلة 10 فبراير، كتب شخص عبارات مسيئة على جدار مسجد السلام في شارع Northgate Blvd وترك رسالة تهديد عند الباب تقول إنهم سيحرقون المسجد.", []),
        ("b", "en", 0, "day", "Masjid As-Salam, Northgate Blvd",
         "Someone spray painted hateful words on the wall of Masjid As-Salam on Northgate Blvd overnight and left a note at the door threatening to burn the mosque down.", ["sha-s10-wall"]),
        ("c", "en", 1, "day", "",
         "Our imam found graffiti and a threatening letter at the mosque on Northgate this morning. We have photos.", ["sha-s10-wall", "sha-s10-letter"]),
    ]),
    ("s11", "elk-grove", "2026-02-12", "afternoon", "workplace", ["verbal_harassment"], ["japanese"], [
        ("a", "ja", 0, "day", "Amazon倉庫 Elk Grove Blvd",
         "2月12日、勤務先のAmazon倉庫（Elk Grove Blvd）で、上司のマイクに「ジャップ」と呼ばれ、国に帰れと言われました。同僚のケビンも聞いていました。", []),
        ("b", "en", 0, "day", "Amazon warehouse, Elk Grove Blvd",
         "At the Amazon warehouse on Elk Grove Blvd, my coworker, a Japanese woman, was called a 'Jap' by our supervisor Mike and told to go back to her country. I heard everything.", []),
    ]),
    ("s12", "sacramento", "2026-02-14", "afternoon", "street", ["physical_assault", "verbal_harassment"], ["chinese"], [
        ("a", "es", 0, "day", "Calle K y calle 10",
         "El 14 de febrero por la tarde, en la calle K cerca de la calle 10, vi a un hombre golpear en la cara a un señor asiático mayor y gritarle que volviera a China. Al señor le sangraba la nariz. Llamé al 911.", []),
        ("b", "en", 0, "day", "K Street and 10th Street",
         "My grandfather was punched in the face on K Street near 10th Street on Valentine's Day afternoon. The man told him to go back to China. His nose was bleeding and a Latina woman called 911 for him.", []),
        ("c", "zh-hant", 0, "day", "K街和10街",
         "2月14日下午我在K街和10街附近被一個男人打了一拳，鼻子流血，他叫我滾回中國。一位好心的女士幫我報警。", []),
    ]),
    ("s13", "sacramento", "2026-02-18", "morning", "business", ["verbal_harassment"], ["vietnamese"], [
        ("a", "vi", 0, "day", "Lotus Nails, Florin Road",
         "Sáng ngày 18 tháng 2, một khách hàng tại tiệm Lotus Nails trên đường Florin Road đã chửi bới nhân viên chúng tôi, chê tiếng Anh của chúng tôi và bảo chúng tôi cút khỏi nước Mỹ, rồi ném ly cà phê vào quầy.", []),
        ("b", "en", 0, "day", "Lotus Nails on Florin Rd",
         "A customer at Lotus Nails on Florin Road screamed at the Vietnamese staff this morning, mocked their English, told them to get out of America and threw his coffee at the front counter.", []),
    ]),
    ("s14", "sacramento", "2026-02-21", "morning", "business", ["verbal_harassment", "vandalism"], ["hmong"], [
        ("a", "hmn", 0, "day", "Oak Park Farmers Market",
         "Kuv niam muag zaub ntawm Oak Park Farmers Market. Ib tug txiv neej los tsoo nws lub rooj zaub thiab qw hais tias cov neeg Hmoob cia li mus tsev. Nws hais tias nws yuav rov tuaj dua.", []),
        ("b", "en", 0, "day", "Oak Park Farmers Market",
         "At the Oak Park Farmers Market on Saturday morning a man knocked over my mom's vegetable table and yelled at the Hmong vendors to go back home. He said he would come back next week.", []),
        ("c", "en", 0, "day", "",
         "Saw a man flip a Hmong vendor's produce table at the Oak Park farmers market, shouting at them to go home.", []),
    ]),
    ("s15", "sacramento", "2026-02-24", "afternoon", "business", ["threat"], ["korean"], [
        ("a", "ko", 0, "day", "Seoul Garden 식당",
         "2월 24일 오후에 누군가 저희 식당 Seoul Garden에 세 번이나 전화해서 총을 들고 오겠다고 협박했습니다. 번호는 916-555-0142였어요.", []),
        ("b", "en", 0, "day", "Seoul Garden, Broadway",
         "Seoul Garden restaurant on Broadway got three threatening phone calls on Tuesday afternoon from 916-555-0142. The caller said he would come with a gun and clean out the Koreans.", []),
    ]),
    # A trap for s01: the same bus route five days later, other people.
    ("s16", "sacramento", "2026-01-17", "evening", "public_transit", ["verbal_harassment"], ["chinese"], [
        ("a", "zh-hans", 0, "day", "51路公交车 Broadway站",
         "1月17日晚上我坐51路公交车回家，在Broadway站上来一个喝醉的女人，一直骂我和我女儿是中国猪，让我们滚下车。", []),
        ("b", "en", 0, "day", "51 bus, Broadway stop",
         "Tonight on the 51 bus at the Broadway stop a drunk woman kept calling a Chinese mom and her daughter pigs and told them to get off the bus.", []),
    ]),
    # A trap for s02: the same store nine days later, another person, another kind of incident.
    ("s17", "elk-grove", "2026-01-24", "morning", "business", ["civil_rights_violation"], ["filipino"], [
        ("a", "en", 0, "day", "Walmart, Laguna Blvd",
         "At the Walmart on Laguna Blvd the security guard followed me around the whole store and then asked me to leave, saying 'your kind steal'. I'm Filipino and I have shopped there for years.", []),
        ("b", "tl", 0, "day", "Walmart sa Laguna Blvd",
         "Sa Walmart sa Laguna Blvd noong umaga ng Enero 24, sinundan ako ng guwardiya sa buong tindahan at pinaalis ako. Sabi niya, ang mga katulad mo ay nagnanakaw.", []),
    ]),
    # A trap for s12: the same corner five days later.
    ("s18", "sacramento", "2026-02-19", "afternoon", "street", ["verbal_harassment"], ["korean"], [
        ("a", "en", 0, "day", "K Street near 10th",
         "Walking on K Street near 10th, a teenager on a scooter shouted 'ni hao' and slurs at me and my friend, then rode away laughing.", []),
        ("b", "ko", 0, "day", "K 스트리트 10가",
         "2월 19일 오후 K 스트리트 10가 근처를 친구와 걷고 있는데 킥보드를 탄 십대가 '니하오'라고 놀리며 욕을 하고 웃으며 가버렸어요.", []),
    ]),
    # A trap for s08: the same light-rail line and station, five days earlier, in the morning.
    ("s19", "sacramento", "2026-02-13", "morning", "public_transit", ["verbal_harassment"], ["chinese"], [
        ("a", "en", 0, "day", "Blue Line, Marconi station",
         "On the Blue Line this morning near the Marconi station a man in a camo jacket stood over me and ranted that Chinese people are spies. I got off at the next stop.", []),
        ("b", "zh-hant", 0, "day", "Blue Line 輕軌 Marconi站",
         "2月13日早上我搭Blue Line輕軌，在Marconi站附近，一個穿迷彩外套的男人站在我面前大罵中國人都是間諜。我在下一站下車了。", []),
    ]),
    # A trap for s06: the same school a week later, another child.
    ("s20", "elk-grove", "2026-02-09", "afternoon", "school", ["verbal_harassment"], ["vietnamese"], [
        ("a", "vi", 0, "day", "Harriet Eddy Middle School",
         "Con gái tôi học lớp 8 ở trường Harriet Eddy Middle School. Hôm 9 tháng 2 có mấy bạn nữ trong lớp chế giễu đồ ăn trưa của con và nói con ăn thịt chó.", []),
        ("b", "en", 0, "day", "Harriet Eddy",
         "My daughter, in 8th grade at Harriet Eddy, was mocked by girls in her class for her lunch on Feb 9. They said she eats dogs.", []),
    ]),
    # A trap for s10: the same mosque ten days later, another incident.
    ("s21", "sacramento", "2026-02-20", "afternoon", "place_of_worship", ["verbal_harassment"], ["middle_eastern_north_african"], [
        ("a", "ar", 0, "day", "موقف سيارات مسجد السلام",
         "بعد صلاة الجمعة في 20 فبراير، صرخ رجل على النساء المحجبات في موقف سيارات مسجد السلام وقال لهن اخلعن الحجاب وارجعن إلى بلادكن.", []),
        ("b", "en", 0, "day", "Masjid As-Salam parking lot",
         "After Friday prayer, a man in the parking lot of Masjid As-Salam yelled at women wearing hijab to take it off and go back to their countries.", []),
    ]),
    # A trap for s05: online too, three days later, another account and another target.
    ("s22", None, "2026-01-28", "evening", "online", ["online_harassment"], ["vietnamese"], [
        ("a", "vi", 0, "day", "Instagram",
         "Tài khoản Instagram realamerican_88 để lại hàng chục bình luận phân biệt chủng tộc dưới bài đăng của tiệm bánh mì chúng tôi, gọi chúng tôi là dơ bẩn và mang bệnh.", []),
        ("b", "en", 0, "day", "Instagram",
         "Instagram user realamerican_88 left dozens of racist comments on Banh Mi Bistro's posts calling the owners dirty and diseased.", []),
    ]),
    ("s23", "west-sacramento", "2026-02-06", "afternoon", "business", ["verbal_harassment"], ["hispanic_latino"], [
        ("a", "es", 0, "day", "Dollar Tree, West Capitol Ave",
         "El 6 de febrero en la tienda Dollar Tree de West Capitol Ave, una mujer me gritó que hablara inglés y que regresara a México. Yo estaba con mis dos hijos.", []),
        ("b", "en", 0, "day", "Dollar Tree on West Capitol",
         "A woman at the Dollar Tree on West Capitol Ave yelled at a Latina mom with two kids to speak English and go back to Mexico. The manager asked the woman to leave.", []),
    ]),
    ("s24", "sacramento", "2026-03-02", "morning", "healthcare", ["civil_rights_violation", "verbal_harassment"], ["black"], [
        ("a", "fr", 0, "day", "Pharmacie CVS, J Street",
         "Le 2 mars au matin, à la pharmacie CVS de J Street, le pharmacien a refusé de me servir et m'a dit de retourner en Afrique. Ma fille de 10 ans était avec moi.", []),
        ("b", "en", 0, "day", "CVS pharmacy, J Street",
         "At the CVS pharmacy on J Street this morning, the pharmacist refused to fill a Congolese woman's prescription and told her to go back to Africa, in front of her 10-year-old daughter.", []),
    ]),
    ("s25", "sacramento", "2026-03-05", "evening", "business", ["vandalism"], ["japanese"], [
        ("a", "ja", 0, "day", "Sunrise Mall 駐車場",
         "3月5日の夜、Sunrise Mallの駐車場に停めていた私の車に誰かが「Go back to Japan」とスプレーで落書きし、タイヤをパンクさせました。", []),
        ("b", "en", 0, "day", "Sunrise Mall parking lot",
         "My car was tagged with 'Go back to Japan' in spray paint and had its tires slashed in the Sunrise Mall parking lot on the evening of March 5.", ["sha-s25-car"]),
        ("c", "en", 0, "day", "Sunrise Mall, lot C",
         "Security at Sunrise Mall found a vehicle vandalized with anti-Japanese graffiti and slashed tires in lot C around 8 pm.", ["sha-s25-car"]),
    ]),
    # A trap for s25: the same parking lot four days later, another family.
    ("s26", "sacramento", "2026-03-09", "evening", "business", ["verbal_harassment"], ["korean"], [
        ("a", "ko", 0, "day", "Sunrise Mall 주차장",
         "3월 9일 저녁 Sunrise Mall 주차장에서 어떤 남자가 우리 가족에게 코로나를 퍼뜨린다고 소리치며 차 창문을 두드렸어요.", []),
        ("b", "en", 0, "day", "Sunrise Mall parking lot",
         "In the Sunrise Mall parking lot a man banged on our car window and screamed that we spread corona. My kids were terrified.", []),
    ]),
    # A trap for s07: the same gas station eleven days later, another incident.
    ("s27", "west-sacramento", "2026-02-16", "morning", "business", ["vandalism"], ["south_asian"], [
        ("a", "en", 0, "day", "Chevron, West Capitol Ave",
         "Someone slashed the tires of the Chevron owner's car behind the store on West Capitol Ave and wrote 'terrorist' on it.", []),
        ("b", "pa", 0, "day", "Chevron, West Capitol Ave",
         "16 ਫ਼ਰਵਰੀ ਨੂੰ ਸਵੇਰੇ West Capitol Ave ਵਾਲੇ Chevron ਦੇ ਪਿੱਛੇ ਖੜ੍ਹੀ ਮਾਲਕ ਦੀ ਕਾਰ ਦੇ ਟਾਇਰ ਕੱਟ ਦਿੱਤੇ ਗਏ ਅਤੇ ਉਸ ਉੱਤੇ terrorist ਲਿਖਿਆ ਗਿਆ।", []),
    ]),
    ("s28", "sacramento", "2026-01-01", "", "other", ["shunning", "verbal_harassment"], ["korean"], [
        ("a", "ko", 0, "month", "Hart Senior Center",
         "1월에 Hart Senior Center에서 다른 노인들이 제 옆에 앉지 않으려 하고 바이러스라고 수군거렸어요. 여러 번 그랬습니다.", []),
        ("b", "en", 19, "day", "Hart Senior Center",
         "My mother says other seniors at the Hart Senior Center refuse to sit near her and whisper 'virus' when she walks in. It has happened many times this month.", []),
    ]),
]  # fmt: skip


def _reports() -> list[dict[str, Any]]:
    reports = []
    for scenario, region, date, time_of_day, location_type, types, ethnicities, tellings in SCENARIOS:
        start = dt.date.fromisoformat(date)
        for suffix, language, offset, precision, place, description, attachments in tellings:
            occurred = start + dt.timedelta(days=offset)
            if precision == "month":
                occurred = occurred.replace(day=1)
            reports.append(
                {
                    "id": f"{scenario}{suffix}",
                    "incident": scenario,
                    "occurred_on": occurred.isoformat(),
                    "occurred_precision": precision,
                    "region": region,
                    "time_of_day": time_of_day,
                    "location_type": location_type,
                    "incident_types": types,
                    "targeted_ethnicities": ethnicities,
                    "place": place,
                    "description": description,
                    "description_language": language,
                    "attachments": attachments,
                }
            )
    return reports


def _span(report: dict[str, Any]) -> tuple[dt.date, dt.date]:
    day = dt.date.fromisoformat(report["occurred_on"])
    if report["occurred_precision"] != "month":
        return day, day
    following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return day, following - dt.timedelta(days=1)


def _close(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Reports a coordinator would have to tell apart: same region (or both online), within two weeks."""
    (a_start, a_end), (b_start, b_end) = _span(a), _span(b)
    gap = max((b_start - a_end).days, (a_start - b_end).days, 0)
    return a["region"] == b["region"] and gap <= WINDOW_DAYS


def build() -> dict[str, Any]:
    reports = _reports()
    pairs = []
    for a, b in itertools.combinations(reports, 2):
        same = a["incident"] == b["incident"]
        if not same and not _close(a, b):
            continue
        pairs.append(
            {
                "a": a["id"],
                "b": b["id"],
                "same_incident": same,
                "cross_language": a["description_language"] != b["description_language"],
            }
        )
    for report in reports:
        del report["incident"]
    return {
        "about": "Report pairs labelled as the same incident or not; built by build_duplicate_pairs.py.",
        "reports": reports,
        "pairs": pairs,
    }


if __name__ == "__main__":
    data = build()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    positives = sum(pair["same_incident"] for pair in data["pairs"])
    cross = sum(pair["cross_language"] for pair in data["pairs"])
    print(
        f"{len(data['reports'])} reports, {len(data['pairs'])} pairs: {positives} same incident, "
        f"{len(data['pairs']) - positives} not; {cross} cross-language"
    )
