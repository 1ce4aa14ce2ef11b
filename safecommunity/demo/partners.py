"""Demo coalition partners, the help they offer and the staff who work there.

Invented organisations modelled on the kinds of partner the founding coalitions
describe: a community organisation that takes reports, counselling services
that speak the communities' languages, legal aid, victim services, interpreters
and community ambassadors. Service texts are given in the languages each
service works in, as a partner would write them.
"""

from __future__ import annotations

from typing import Any

# The network's two cities; each serves the demo region set of the same slug.
COALITIONS: list[dict[str, Any]] = [
    {
        "slug": "greater-sacramento",
        "name": "Greater Sacramento Safe Community",
        "tagline": {
            "en": "Neighbours standing together against hate in Sacramento, Yolo, Placer and El Dorado.",
            "vi": "Hàng xóm cùng nhau chống lại thù ghét ở Sacramento, Yolo, Placer và El Dorado.",
            "hmn": "Cov neeg zej zog sawv ua ke tawm tsam kev ntxub ntxaug.",
        },
        "accent_colour": "#1f5f8b",
        "website": "https://greater-sacramento.example.org",
        "default_language": "en",
    },
    {
        "slug": "sf-bay-area",
        "name": "Bay Area Stop the Hate",
        "tagline": {
            "en": "Safety, healing and justice for every community of the Bay.",
            "zh-hant": "為灣區每一個社區爭取安全、療癒與公義。",
            "es": "Seguridad, sanación y justicia para todas las comunidades de la Bahía.",
        },
        "accent_colour": "#8b2f1f",
        "website": "https://bay-area.example.org",
        "default_language": "en",
    },
]

ORGANISATIONS: list[dict[str, Any]] = [
    {
        "slug": "hmong-vietnamese-community-centre",
        "name": "Hmong and Vietnamese Community Centre",
        "kind": "community",
        "email": "intake@hvcc.example.org",
        "phone": "916-555-0140",
    },
    {
        "slug": "asian-pacific-counselling",
        "name": "Asian Pacific Counselling Sacramento",
        "kind": "mental_health",
        "email": "referrals@apcs.example.org",
        "phone": "916-555-0172",
    },
    {
        "slug": "korean-community-counselling",
        "name": "Korean Community Counselling Center",
        "kind": "mental_health",
        "email": "care@kccc.example.org",
        "phone": "510-555-0119",
    },
    {
        "slug": "capitol-immigrant-legal-aid",
        "name": "Capitol Immigrant Legal Aid",
        "kind": "legal_aid",
        "email": "help@cila.example.org",
        "phone": "916-555-0188",
    },
    {
        "slug": "yolo-victim-services",
        "name": "Yolo County Victim Services",
        "kind": "victim_services",
        "email": "advocates@yolo-vs.example.org",
        "phone": "530-555-0161",
    },
    {
        "slug": "bay-community-ambassadors",
        "name": "Bay Community Ambassadors",
        "kind": "community",
        "email": "walk@bca.example.org",
        "phone": "415-555-0133",
        "coalition": "sf-bay-area",
    },
    {
        "slug": "chinatown-community-safety",
        "name": "Chinatown Community Safety Partners",
        "kind": "community",
        "email": "hello@ccsp.example.org",
        "phone": "415-555-0150",
        "coalition": "sf-bay-area",
    },
]

SERVICES: list[dict[str, Any]] = [
    {
        "organisation": "hmong-vietnamese-community-centre",
        "name": "Hate incident support line",
        "kind": "support_group",
        "languages": ["hmn", "vi", "en"],
        "regions": ["sacramento", "yolo", "placer", "el-dorado"],
        "cost": "free",
        "hours": "Monday to Friday, 9 am to 6 pm",
        "phone": "916-555-0141",
        "email": "support@hvcc.example.org",
        "address": "6500 Stockton Boulevard, Sacramento, CA",
        "description": "Someone from your community listens, explains your options and stays with you until you "
        "get the help you need. Weekly support circles for elders.",
        "eligibility": "Anyone affected by a hate incident, and their family.",
        "accessibility": "Step-free entrance; large-print materials.",
        "translations": {
            "hmn": {
                "description": "Ib tug neeg hauv koj zej zog mloog koj, piav qhia koj txoj kev xaiv thiab nrog koj "
                "mus txog thaum koj tau txais kev pab. Muaj pab pawg sib txhawb txhua lub lim tiam rau cov laus.",
                "hours": "Hnub Monday txog Friday, 9 teev sawv ntxov txog 6 teev tsaus ntuj",
                "eligibility": "Txhua tus neeg raug kev ntxub ntxaug, thiab lawv tsev neeg.",
            },
            "vi": {
                "description": "Một người trong cộng đồng của bạn sẽ lắng nghe, giải thích các lựa chọn và đồng hành "
                "cùng bạn cho đến khi bạn nhận được sự giúp đỡ cần thiết. Có nhóm hỗ trợ hằng tuần cho người cao tuổi.",
                "hours": "Thứ Hai đến thứ Sáu, 9 giờ sáng đến 6 giờ chiều",
                "eligibility": "Bất kỳ ai bị ảnh hưởng bởi một vụ việc thù ghét, và gia đình họ.",
            },
        },
    },
    {
        "organisation": "hmong-vietnamese-community-centre",
        "name": "Victim compensation application help",
        "kind": "victim_compensation",
        "languages": ["hmn", "vi", "en"],
        "regions": ["sacramento"],
        "cost": "free",
        "hours": "Tuesdays and Thursdays, 10 am to 4 pm",
        "phone": "916-555-0142",
        "description": "We help you fill in the California Victim Compensation Board application and gather receipts "
        "for medical bills, counselling and lost wages.",
        "eligibility": "Victims of a crime in Sacramento County; a police report helps but is not always needed.",
        "translations": {
            "vi": {
                "description": "Chúng tôi giúp bạn điền đơn xin bồi thường nạn nhân của tiểu bang California và thu "
                "thập hóa đơn viện phí, tư vấn tâm lý và tiền lương bị mất.",
            },
        },
    },
    {
        "organisation": "asian-pacific-counselling",
        "name": "Trauma counselling in your language",
        "kind": "mental_health",
        "languages": ["vi", "zh-hans", "zh-hant", "yue", "tl", "en"],
        "regions": ["sacramento", "placer", "el-dorado"],
        "cost": "sliding_scale",
        "hours": "Monday to Saturday, 8 am to 8 pm",
        "phone": "916-555-0173",
        "email": "intake@apcs.example.org",
        "url": "https://apcs.example.org/counselling",
        "address": "2020 J Street, Sacramento, CA",
        "description": "Short-term counselling with licensed therapists for people who went through a hate incident: "
        "up to twelve sessions, in person or by video.",
        "eligibility": "Adults and teenagers aged 13 and over; no insurance needed.",
        "accessibility": "Video sessions available; interpreters for other languages on request.",
        "translations": {
            "zh-hans": {
                "description": "由持牌治疗师为经历过仇恨事件的人提供短期心理辅导：最多十二次，可面谈或视频。",
                "hours": "星期一至星期六，上午8点至晚上8点",
                "eligibility": "成年人及13岁以上青少年；无需保险。",
            },
            "zh-hant": {
                "description": "由持牌治療師為經歷過仇恨事件的人提供短期心理輔導：最多十二次，可面談或視像。",
                "hours": "星期一至星期六，上午8點至晚上8點",
                "eligibility": "成年人及13歲以上青少年；無需保險。",
            },
            "vi": {
                "description": "Tư vấn tâm lý ngắn hạn với chuyên viên có giấy phép cho người đã trải qua một vụ việc "
                "thù ghét: tối đa mười hai buổi, gặp trực tiếp hoặc qua video.",
                "hours": "Thứ Hai đến thứ Bảy, 8 giờ sáng đến 8 giờ tối",
            },
            "tl": {
                "description": "Maikling counseling kasama ang lisensyadong therapist para sa mga nakaranas ng hate "
                "incident: hanggang labindalawang sesyon, harapan o sa video.",
            },
        },
    },
    {
        "organisation": "korean-community-counselling",
        "name": "Korean-language counselling for survivors",
        "kind": "mental_health",
        "languages": ["ko", "en"],
        "regions": [],
        "cost": "free",
        "hours": "Monday to Friday, 10 am to 7 pm (Pacific time)",
        "phone": "510-555-0120",
        "email": "counsel@kccc.example.org",
        "description": "Free counselling in Korean by phone or video anywhere in Northern California, with a "
        "counsellor who understands immigrant families.",
        "eligibility": "Anyone who speaks Korean and was affected by a hate incident.",
        "accessibility": "By phone or video; evening appointments on request.",
        "translations": {
            "ko": {
                "description": "북가주 어디에서나 전화나 화상으로 받을 수 있는 무료 한국어 상담입니다. 이민 가정을 이해하는 "
                "상담사가 함께합니다.",
                "hours": "월요일부터 금요일, 오전 10시부터 오후 7시 (태평양 시간)",
                "eligibility": "한국어를 사용하며 혐오 사건의 영향을 받은 모든 분.",
                "accessibility": "전화 또는 화상 상담; 요청 시 저녁 상담 가능.",
            },
        },
    },
    {
        "organisation": "korean-community-counselling",
        "name": "Healing circle for Korean elders",
        "kind": "support_group",
        "languages": ["ko"],
        "regions": ["alameda", "san-francisco", "contra-costa"],
        "cost": "free",
        "hours": "Wednesdays, 2 pm to 4 pm",
        "address": "1000 Broadway, Oakland, CA",
        "description": "A weekly group for older Korean adults to talk about fear and isolation after attacks on "
        "Asian elders, with tea and a trained facilitator.",
        "translations": {
            "ko": {
                "description": "아시아계 어르신 대상 공격 이후의 두려움과 고립감을 함께 나누는 한인 어르신 주간 모임입니다. "
                "차와 함께 훈련받은 진행자가 함께합니다.",
                "hours": "매주 수요일 오후 2시부터 4시",
            },
        },
    },
    {
        "organisation": "capitol-immigrant-legal-aid",
        "name": "Civil rights and hate crime legal clinic",
        "kind": "legal_aid",
        "languages": ["es", "tl", "en", "pa"],
        "regions": ["sacramento", "yolo", "placer"],
        "cost": "free",
        "hours": "Clinic every second Saturday, 9 am to 1 pm; appointments on weekdays",
        "phone": "916-555-0189",
        "email": "clinic@cila.example.org",
        "url": "https://cila.example.org/clinic",
        "description": "Advice from attorneys on reporting to police, restraining orders, workplace and housing "
        "discrimination, and what a report means for your immigration status.",
        "eligibility": "Low-income residents of the counties served; immigration status does not matter.",
        "translations": {
            "es": {
                "description": "Asesoría de abogados sobre cómo denunciar a la policía, órdenes de alejamiento, "
                "discriminación en el trabajo y la vivienda, y qué significa una denuncia para su situación migratoria.",
                "hours": "Clínica cada segundo sábado, de 9 a 13 h; citas entre semana",
                "eligibility": "Residentes de bajos ingresos de los condados atendidos; su situación migratoria "
                "no importa.",
            },
            "tl": {
                "description": "Payo mula sa mga abogado tungkol sa pag-uulat sa pulis, restraining order, "
                "diskriminasyon sa trabaho at pabahay, at kung ano ang epekto ng ulat sa iyong immigration status.",
            },
            "pa": {
                "description": "ਪੁਲਿਸ ਨੂੰ ਰਿਪੋਰਟ ਕਰਨ, ਰੋਕ ਦੇ ਹੁਕਮਾਂ, ਕੰਮ ਅਤੇ ਰਿਹਾਇਸ਼ ਵਿੱਚ ਵਿਤਕਰੇ, ਅਤੇ ਰਿਪੋਰਟ ਦਾ ਤੁਹਾਡੀ "
                "ਇਮੀਗ੍ਰੇਸ਼ਨ ਸਥਿਤੀ ਉੱਤੇ ਕੀ ਅਸਰ ਹੈ, ਇਸ ਬਾਰੇ ਵਕੀਲਾਂ ਦੀ ਸਲਾਹ।",
            },
        },
    },
    {
        "organisation": "yolo-victim-services",
        "name": "Victim advocates",
        "kind": "police_liaison",
        "languages": ["en", "es"],
        "regions": ["yolo"],
        "cost": "free",
        "hours": "24 hours a day for emergencies; office Monday to Friday, 8 am to 5 pm",
        "phone": "530-555-0162",
        "description": "An advocate goes with you to the police and to court, explains each step and keeps you "
        "informed about the case.",
        "eligibility": "Victims and witnesses of crimes in Yolo County.",
        "accessibility": "Wheelchair accessible office; advocates can meet you at home.",
        "translations": {
            "es": {
                "description": "Un defensor le acompaña a la policía y al tribunal, le explica cada paso y le "
                "mantiene informado sobre el caso.",
            },
        },
    },
    {
        "organisation": "yolo-victim-services",
        "name": "Emergency relocation and housing help",
        "kind": "housing",
        "languages": ["en", "es"],
        "regions": ["yolo", "sacramento"],
        "cost": "free",
        "capacity": "limited",
        "phone": "530-555-0163",
        "description": "Emergency motel stays, lock changes and help finding new housing when it is not safe to "
        "stay where you live.",
        "eligibility": "People threatened at or near their home.",
    },
    {
        "organisation": "bay-community-ambassadors",
        "name": "Community ambassadors and safe walks",
        "kind": "escort",
        "languages": ["yue", "zh-hant", "zh-hans", "en", "ko"],
        "regions": ["san-francisco", "alameda"],
        "cost": "free",
        "hours": "Every day, 7 am to 7 pm",
        "phone": "415-555-0134",
        "description": "Trained volunteers walk with you to the bus, the shops or appointments, and patrol "
        "Chinatown and Oakland's Chinatown every day.",
        "eligibility": "Anyone who feels unsafe walking alone, especially elders.",
        "translations": {
            "zh-hant": {
                "description": "受過訓練的義工陪你去巴士站、商店或覆診，並每天在三藩市華埠及奧克蘭華埠巡邏。",
                "hours": "每天上午7時至晚上7時",
                "eligibility": "任何獨自步行時感到不安全的人，尤其是長者。",
            },
            "zh-hans": {
                "description": "受过训练的志愿者陪你去公交站、商店或看病，并每天在旧金山华埠和奥克兰华埠巡逻。",
                "hours": "每天上午7点至晚上7点",
            },
        },
    },
    {
        "organisation": "bay-community-ambassadors",
        "name": "Volunteer interpreters",
        "kind": "interpretation",
        "languages": ["yue", "zh-hans", "zh-hant", "vi", "ko", "tl", "ja"],
        "regions": [],
        "cost": "free",
        "capacity": "full",
        "phone": "415-555-0135",
        "description": "Volunteer interpreters for calls with police, doctors, landlords and schools.",
        "eligibility": "Survivors of hate incidents and their families.",
    },
    {
        "organisation": "asian-pacific-counselling",
        "name": "Emergency financial aid fund",
        "kind": "financial_aid",
        "languages": ["en", "vi", "zh-hans", "tl"],
        "regions": ["sacramento"],
        "cost": "free",
        "description": "One-time grants of up to 500 dollars for urgent costs after an incident: a broken window, "
        "a lost day of work, a taxi instead of the bus.",
        "eligibility": "Sacramento County residents affected by a hate incident in the last six months.",
    },
]

# (username, role, organisation slug, first name, preferred language)
STAFF: list[tuple[str, str, str, str, str]] = [
    ("demo-intake", "intake_coordinator", "hmong-vietnamese-community-centre", "Mai", "en"),
    ("demo-caseworker", "caseworker", "hmong-vietnamese-community-centre", "Tam", "vi"),
    ("demo-counsellor", "caseworker", "korean-community-counselling", "Jin", "ko"),
    ("demo-lawyer", "caseworker", "capitol-immigrant-legal-aid", "Rosa", "es"),
    ("demo-analyst", "analyst", "hmong-vietnamese-community-centre", "Sam", "en"),
    ("demo-volunteer", "volunteer", "bay-community-ambassadors", "Ava", "en"),
    ("demo-organiser", "organiser", "hmong-vietnamese-community-centre", "Linh", "vi"),
    ("demo-organiser-bay", "organiser", "chinatown-community-safety", "Omar", "en"),
    ("demo-reviewer", "reviewer", "capitol-immigrant-legal-aid", "Grace", "en"),
]
# The network administrator belongs to no organisation: she looks across every city.
NETWORK_STAFF: list[tuple[str, str, str, str]] = [("demo-network", "network_admin", "Nadia", "en")]
