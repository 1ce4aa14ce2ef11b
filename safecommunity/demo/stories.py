"""The invented but true-sounding material demo reports are made from: help lines, places and stories."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from safecommunity.core.models import HelpLine

T = TypeVar("T")

# --- Help lines -----------------------------------------------------------------------------------------------------

SITE_LANGUAGES = ["en", "es", "fr", "zh-hans", "zh-hant", "vi", "ko", "tl", "hmn", "ja", "ar", "pa"]

HELP_LINES: list[dict[str, Any]] = [
    {
        "kind": HelpLine.Kind.EMERGENCY,
        "name": "911 Emergency",
        "phone": "911",
        "hours": "24/7",
        "hours_translations": {
            "es": "Las 24 horas, los 7 días de la semana",
            "fr": "24 heures sur 24, 7 jours sur 7",
            "zh-hans": "每周7天，每天24小时",
            "zh-hant": "每週7天，每天24小時",
            "vi": "24 giờ mỗi ngày, 7 ngày mỗi tuần",
            "ko": "연중무휴 24시간",
            "tl": "24 oras, 7 araw sa isang linggo",
            "hmn": "24 teev ib hnub, 7 hnub ib lim tiam",
            "ja": "24時間365日",
            "ar": "على مدار الساعة طوال أيام الأسبوع",
            "pa": "ਦਿਨ ਦੇ 24 ਘੰਟੇ, ਹਫ਼ਤੇ ਦੇ 7 ਦਿਨ",
        },
        "languages": SITE_LANGUAGES,  # 911 dispatchers connect an interpreter.
        "sort_order": 10,
    },
    {
        "kind": HelpLine.Kind.CRISIS,
        "name": "988 Suicide & Crisis Lifeline",
        "phone": "988",
        "text_number": "988",
        "url": "https://988lifeline.org/",
        "hours": "24/7, call or text; interpreters in many languages",
        "hours_translations": {
            "es": "Las 24 horas, los 7 días de la semana, por llamada o mensaje de texto; intérpretes en muchos idiomas",
            "fr": "24 heures sur 24, 7 jours sur 7, par appel ou texto; interprètes dans de nombreuses langues",
            "zh-hans": "每周7天，每天24小时，可致电或发短信；提供多种语言口译",
            "zh-hant": "每週7天，每天24小時，可致電或發短訊；提供多種語言口譯",
            "vi": "24 giờ mỗi ngày, 7 ngày mỗi tuần, gọi điện hoặc nhắn tin; có thông dịch viên nhiều ngôn ngữ",
            "ko": "연중무휴 24시간, 전화 또는 문자 가능, 다양한 언어로 통역 제공",
            "tl": "24 oras, 7 araw sa isang linggo, tumawag o mag-text; may mga interpreter sa maraming wika",
            "hmn": "24 teev ib hnub, 7 hnub ib lim tiam, hu los yog xa ntawv text; muaj neeg txhais lus ntau hom lus",
            "ja": "24時間365日、電話またはSMSで対応。多くの言語で通訳あり",
            "ar": "على مدار الساعة طوال أيام الأسبوع، بالاتصال أو بالرسائل النصية؛ يتوفر مترجمون فوريون بلغات عديدة",
            "pa": "ਦਿਨ ਦੇ 24 ਘੰਟੇ, ਹਫ਼ਤੇ ਦੇ 7 ਦਿਨ, ਕਾਲ ਜਾਂ ਟੈਕਸਟ ਕਰੋ; ਕਈ ਭਾਸ਼ਾਵਾਂ ਵਿੱਚ ਦੁਭਾਸ਼ੀਏ",
        },
        "languages": SITE_LANGUAGES,
        "sort_order": 20,
    },
    {
        "kind": HelpLine.Kind.HATE_HOTLINE,
        "name": "CA vs Hate",
        "phone": "833-866-4283",
        "url": "https://www.civilrights.ca.gov/cavshate/",
        "hours": "Monday to Friday, 9 am to 6 pm; over 200 languages",
        "hours_translations": {
            "es": "De lunes a viernes, de 9 a. m. a 6 p. m.; más de 200 idiomas",
            "fr": "Du lundi au vendredi, de 9 h à 18 h; plus de 200 langues",
            "zh-hans": "周一至周五 上午9点至下午6点；提供200多种语言",
            "zh-hant": "週一至週五 上午9時至下午6時；提供超過200種語言",
            "vi": "Từ thứ Hai đến thứ Sáu, 9 giờ sáng đến 6 giờ chiều; hơn 200 ngôn ngữ",
            "ko": "월요일~금요일 오전 9시~오후 6시, 200개 이상의 언어 지원",
            "tl": "Lunes hanggang Biyernes, alas-9 ng umaga hanggang alas-6 ng gabi; mahigit 200 wika",
            "hmn": "Hnub Ib txog Hnub Tsib, 9 teev sawv ntxov txog 6 teev tsaus ntuj; ntau tshaj 200 hom lus",
            "ja": "月曜日～金曜日 午前9時～午後6時。200以上の言語に対応",
            "ar": "من الاثنين إلى الجمعة، من 9 صباحًا إلى 6 مساءً؛ أكثر من 200 لغة",
            "pa": "ਸੋਮਵਾਰ ਤੋਂ ਸ਼ੁੱਕਰਵਾਰ, ਸਵੇਰੇ 9 ਵਜੇ ਤੋਂ ਸ਼ਾਮ 6 ਵਜੇ ਤੱਕ; 200 ਤੋਂ ਵੱਧ ਭਾਸ਼ਾਵਾਂ",
        },
        "languages": SITE_LANGUAGES,
        "sort_order": 30,
    },
    {
        "kind": HelpLine.Kind.VICTIM_SERVICES,
        "name": "Demo Victim Services Line (not a real service)",
        "phone": "(916) 555-0142",
        "hours": "Monday to Friday, 8 am to 5 pm",
        "hours_translations": {
            "es": "De lunes a viernes, de 8 a. m. a 5 p. m.",
            "fr": "Du lundi au vendredi, de 8 h à 17 h",
            "zh-hans": "周一至周五 上午8点至下午5点",
            "zh-hant": "週一至週五 上午8時至下午5時",
            "vi": "Từ thứ Hai đến thứ Sáu, 8 giờ sáng đến 5 giờ chiều",
            "ko": "월요일~금요일 오전 8시~오후 5시",
            "tl": "Lunes hanggang Biyernes, alas-8 ng umaga hanggang alas-5 ng hapon",
            "hmn": "Hnub Ib txog Hnub Tsib, 8 teev sawv ntxov txog 5 teev tsaus ntuj",
            "ja": "月曜日～金曜日 午前8時～午後5時",
            "ar": "من الاثنين إلى الجمعة، من 8 صباحًا إلى 5 مساءً",
            "pa": "ਸੋਮਵਾਰ ਤੋਂ ਸ਼ੁੱਕਰਵਾਰ, ਸਵੇਰੇ 8 ਵਜੇ ਤੋਂ ਸ਼ਾਮ 5 ਵਜੇ ਤੱਕ",
        },
        "languages": ["en", "es", "zh-hans", "vi", "hmn"],
        "sort_order": 40,
    },
]


# --- Places, per region, that the stories mention --------------------------------------------------------------------

PLACES: dict[str, dict[str, tuple[str, ...]]] = {
    "sacramento": {
        "street": ("Stockton Boulevard", "Florin Road", "Franklin Boulevard", "K Street", "Broadway", "Mack Road"),
        "store": (
            "Shun Fat Supermarket",
            "Arden Fair",
            "Bel Air",
            "Raley's",
            "Walmart",
            "WinCo Foods",
            "99 Ranch Market",
        ),
        "bus": ("SacRT 51", "SacRT 81", "SacRT 1", "SacRT 30"),
        "station": ("Florin Station", "13th Street Station", "Sacramento Valley Station", "Meadowview Station"),
        "park": ("William Land Park", "McKinley Park", "Southside Park"),
        "school": (
            "Sacramento City College",
            "Sacramento State",
            "Luther Burbank High School",
            "Hiram Johnson High School",
        ),
        "clinic": ("UC Davis Medical Center", "Kaiser Permanente South Sacramento", "Sutter Medical Center"),
    },
    "yolo": {
        "street": ("G Street", "Main Street", "Russell Boulevard", "West Capitol Avenue"),
        "store": ("Nugget Markets", "Trader Joe's", "Safeway", "Raley's"),
        "bus": ("Unitrans A", "Unitrans P", "Yolobus 42A"),
        "station": ("Davis Amtrak Station",),
        "park": ("Central Park", "Freeman Park"),
        "school": ("UC Davis", "Davis Senior High School", "Woodland Community College"),
        "clinic": ("Sutter Davis Hospital", "Woodland Memorial Hospital"),
    },
    "placer": {
        "street": ("Douglas Boulevard", "Sunrise Avenue", "Lincoln Way", "Pacific Street"),
        "store": ("Westfield Galleria", "Costco", "WinCo Foods", "Target"),
        "bus": ("Roseville Transit A", "Placer County Transit 10"),
        "station": ("Roseville Station",),
        "park": ("Maidu Park", "Mahany Park"),
        "school": ("Sierra College", "Roseville High School", "Granite Bay High School"),
        "clinic": ("Sutter Roseville Medical Center", "Kaiser Permanente Roseville"),
    },
    "el-dorado": {
        "street": ("Main Street", "Lake Tahoe Boulevard", "Missouri Flat Road", "El Dorado Hills Boulevard"),
        "store": ("Raley's", "Safeway", "Walmart", "Nugget Markets"),
        "bus": ("El Dorado Transit 20", "El Dorado Transit 30"),
        "station": ("Placerville Station",),
        "park": ("Lions Park", "Regan Beach"),
        "school": ("Oak Ridge High School", "Folsom Lake College"),
        "clinic": ("Marshall Medical Center", "Barton Memorial Hospital"),
    },
    "san-francisco": {
        "street": (
            "Stockton Street",
            "Clement Street",
            "Irving Street",
            "Mission Street",
            "Geary Boulevard",
            "Ocean Avenue",
        ),
        "store": ("New May Wah Supermarket", "Walgreens", "Safeway", "Stonestown Galleria", "Target", "Costco"),
        "bus": ("38 Geary", "30 Stockton", "8 Bayshore", "14 Mission", "29 Sunset"),
        "station": ("Powell Street BART", "Civic Center BART", "Balboa Park BART", "Montgomery Street BART"),
        "park": ("Portsmouth Square", "Golden Gate Park", "Dolores Park", "McLaren Park"),
        "school": ("City College of San Francisco", "Galileo Academy", "Lowell High School", "SF State"),
        "clinic": ("Chinese Hospital", "Zuckerberg San Francisco General", "Kaiser Permanente San Francisco"),
    },
    "alameda": {
        "street": (
            "International Boulevard",
            "Telegraph Avenue",
            "Webster Street",
            "Fremont Boulevard",
            "Shattuck Avenue",
        ),
        "store": ("99 Ranch Market", "Safeway", "Lucky", "Bayfair Center", "Target"),
        "bus": ("AC Transit 1", "AC Transit 72", "AC Transit 51A", "AC Transit 40"),
        "station": ("Lake Merritt BART", "Fruitvale BART", "Downtown Berkeley BART", "Fremont BART"),
        "park": ("Lake Merritt", "Madison Square Park", "Central Park"),
        "school": ("UC Berkeley", "Oakland High School", "Laney College", "Mission San Jose High School"),
        "clinic": ("Highland Hospital", "Asian Health Services", "Washington Hospital"),
    },
    "san-mateo": {
        "street": ("Mission Street", "El Camino Real", "B Street", "Broadway"),
        "store": ("Serramonte Center", "Hillsdale Shopping Center", "Seafood City", "Costco"),
        "bus": ("SamTrans ECR", "SamTrans 120", "SamTrans 292"),
        "station": ("Daly City BART", "Millbrae Station", "San Mateo Caltrain"),
        "park": ("Central Park", "Westlake Park"),
        "school": ("Westmoor High School", "College of San Mateo", "Skyline College"),
        "clinic": ("Seton Medical Center", "Kaiser Permanente South San Francisco"),
    },
    "santa-clara": {
        "street": ("Story Road", "Tully Road", "Stevens Creek Boulevard", "El Camino Real", "Capitol Expressway"),
        "store": ("Grand Century Mall", "Lion Supermarket", "Great Mall", "99 Ranch Market", "Safeway", "Costco"),
        "bus": ("VTA 22", "VTA 23", "VTA 66", "VTA Rapid 522"),
        "station": ("Diridon Station", "Milpitas BART", "Berryessa BART"),
        "park": ("Kelley Park", "Memorial Park", "Lake Cunningham Park"),
        "school": ("San Jose State", "De Anza College", "Evergreen Valley High School", "Independence High School"),
        "clinic": ("Santa Clara Valley Medical Center", "Regional Medical Center", "El Camino Hospital"),
    },
    "contra-costa": {
        "street": ("San Pablo Avenue", "Macdonald Avenue", "Willow Pass Road", "Main Street"),
        "store": ("Pacific East Mall", "Sunvalley Shopping Center", "Target", "Walmart", "Safeway"),
        "bus": ("AC Transit 72R", "County Connection 20", "Tri Delta Transit 380"),
        "station": ("Richmond BART", "Concord BART", "El Cerrito del Norte BART", "Walnut Creek BART"),
        "park": ("Heather Farm Park", "Todos Santos Plaza", "Miller/Knox Regional Shoreline"),
        "school": ("Diablo Valley College", "Contra Costa College", "De Anza High School"),
        "clinic": ("Kaiser Permanente Richmond", "John Muir Medical Center"),
    },
}
PLATFORMS = ("Facebook", "Nextdoor", "Instagram", "TikTok", "YouTube", "X", "Reddit", "WhatsApp", "WeChat")
AREA_CODES = {
    "sacramento": "916",
    "yolo": "530",
    "placer": "916",
    "el-dorado": "530",
    "san-francisco": "415",
    "alameda": "510",
    "san-mateo": "650",
    "santa-clara": "408",
    "contra-costa": "925",
}
REGION_WEIGHTS = {
    "sacramento": 18,
    "yolo": 5,
    "placer": 5,
    "el-dorado": 2,
    "san-francisco": 20,
    "alameda": 16,
    "san-mateo": 8,
    "santa-clara": 18,
    "contra-costa": 8,
}
# Where each community mostly lives, as a multiplier on REGION_WEIGHTS.
REGION_BOOST_BY_LANGUAGE: dict[str, dict[str, float]] = {
    "hmn": {"sacramento": 6, "yolo": 1.5},
    "pa": {"yolo": 4, "sacramento": 2, "placer": 2, "santa-clara": 2},
    "tl": {"san-mateo": 3, "contra-costa": 2, "sacramento": 1.3},
    "vi": {"santa-clara": 2.5, "sacramento": 1.5, "alameda": 1.3},
    "ko": {"santa-clara": 2, "alameda": 1.5},
    "ja": {"san-francisco": 2.5, "santa-clara": 1.5},
    "zh-hant": {"san-francisco": 2, "alameda": 1.5},
    "zh-hans": {"santa-clara": 1.8, "san-mateo": 1.5},
    "ar": {"sacramento": 1.5, "alameda": 1.5, "santa-clara": 1.5},
    "es": {"contra-costa": 1.5, "santa-clara": 1.3, "sacramento": 1.2},
}
LANGUAGE_WEIGHTS = {
    "en": 45,
    "es": 9,
    "zh-hans": 10,
    "zh-hant": 7,
    "vi": 7,
    "ko": 5,
    "tl": 5,
    "hmn": 3,
    "ja": 2,
    "ar": 3,
    "pa": 2.5,
}


# --- Stories --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Story:
    """One account, with the coded fields its reporter would tick.

    ``text`` may name places ({street}, {store}, {bus}, {station}, {park}, {school},
    {clinic}) filled in from the report's region, or a {platform}. ``ethnicities``
    are alternatives (one is picked); "a+b" means both.
    """

    language: str
    text: str
    incident_types: tuple[str, ...]
    location_type: str
    bias: tuple[str, ...]
    ethnicities: tuple[str, ...]
    role: str = "target"
    age: str = ""
    gender: str = ""
    weight: float = 1.0


VERBAL, SHUNNING, ASSAULT, SPAT = "verbal_harassment", "shunning", "physical_assault", "coughed_spat_on"
ONLINE, CIVIL, THREAT, VANDALISM = "online_harassment", "civil_rights_violation", "threat", "vandalism"
EAST_ASIAN = ("chinese", "chinese", "korean", "vietnamese", "filipino", "other_asian")

STORIES: tuple[Story, ...] = (
    # English
    Story(
        "en",
        "A man on the {bus} bus kept yelling at me to go back to China and called me a virus. Nobody said anything. "
        "I got off two stops early.",
        (VERBAL,),
        "public_transit",
        ("race", "national_origin"),
        EAST_ASIAN,
        weight=3,
    ),
    Story(
        "en",
        "I was in line at {store} when a customer started screaming at the cashier, an older Asian woman, about "
        "'you people' and mocking her accent. The manager asked him to leave but he kept shouting in the parking lot.",
        (VERBAL,),
        "business",
        ("race", "language"),
        ("chinese", "vietnamese", "filipino", "korean"),
        role="witness",
        age="46_60",
        gender="female",
        weight=2,
    ),
    Story(
        "en",
        "Walking on {street} with my daughter, a man coughed right in my face and said 'take your disease back "
        "home'. My daughter is seven and still asks about it.",
        (SPAT, VERBAL),
        "street",
        ("race",),
        ("chinese", "vietnamese", "hmong", "korean", "filipino"),
        gender="female",
        weight=2,
    ),
    Story(
        "en",
        "My father, who is 72, was shoved from behind while walking on {street} in the morning. He fell and hurt his "
        "wrist. The man shouted an anti-Asian slur and ran off.",
        (ASSAULT, VERBAL),
        "street",
        ("race",),
        ("chinese", "vietnamese", "filipino", "korean", "cambodian", "lao"),
        role="on_behalf",
        age="over_60",
        gender="male",
        weight=1.5,
    ),
    Story(
        "en",
        "At {station} people moved away from me on the platform and a woman pulled her scarf over her face and "
        "stared at me until the train came. It happens almost every week now.",
        (SHUNNING,),
        "public_transit",
        ("race",),
        ("chinese", "korean", "japanese", "vietnamese", "other_asian"),
        weight=2,
    ),
    Story(
        "en",
        "At {store} the cashier served the person behind me first, then wouldn't take the money from my hand and told "
        "me to put it on the counter. She took cash from everyone else.",
        (SHUNNING,),
        "business",
        ("race",),
        ("chinese", "vietnamese", "hmong", "thai", "filipino"),
        weight=1.5,
    ),
    Story(
        "en",
        "We called about an apartment near {street}. The landlord said it was no longer available as soon as he heard "
        "my husband's accent. The listing was still up a month later.",
        (CIVIL,),
        "residence",
        ("national_origin", "language"),
        ("south_asian", "hispanic_latino", "chinese", "middle_eastern_north_african", "vietnamese"),
        gender="female",
    ),
    Story(
        "en",
        "My supervisor keeps calling me 'Kung Flu' in front of the team and said I should be grateful to have a job. "
        "HR told me it was just a joke and to toughen up.",
        (VERBAL, CIVIL),
        "workplace",
        ("race", "national_origin"),
        ("chinese", "taiwanese", "korean"),
    ),
    Story(
        "en",
        "Someone posted a photo of my family's restaurant on {platform} and wrote that we should be 'run out of town'. "
        "The post got dozens of likes before it was taken down.",
        (ONLINE, THREAT),
        "online",
        ("race",),
        ("chinese", "vietnamese", "thai", "korean"),
        weight=1.5,
    ),
    Story(
        "en",
        "After I posted about my grandmother being attacked, I got hundreds of messages on {platform} telling me to go "
        "back to my country. A few of them included my home address.",
        (ONLINE, THREAT),
        "online",
        ("race", "national_origin"),
        ("chinese", "filipino", "vietnamese", "korean"),
        gender="female",
    ),
    Story(
        "en",
        "Kids at {school} pulled their eyes back at my son during lunch and called him 'Corona'. A teacher saw it and "
        "said boys will be boys.",
        (VERBAL,),
        "school",
        ("race",),
        ("chinese", "korean", "hmong", "vietnamese", "filipino"),
        role="on_behalf",
        age="under_18",
        gender="male",
        weight=1.5,
    ),
    Story(
        "en",
        "I was jogging in {park} when a man in a pickup truck slowed down, called me the n-word and told me I didn't "
        "belong in this neighborhood.",
        (VERBAL,),
        "park",
        ("race",),
        ("black",),
    ),
    Story(
        "en",
        "A woman at {store} grabbed my hijab and told me to go back where I came from. Another shopper stepped in and "
        "she left before security came.",
        (ASSAULT, VERBAL),
        "business",
        ("religion", "national_origin"),
        ("middle_eastern_north_african",),
        gender="female",
    ),
    Story(
        "en",
        "Two men at {station} heard my mom and me speaking Spanish and said they were going to call ICE on us. My mom "
        "was shaking the whole ride home.",
        (VERBAL, THREAT),
        "public_transit",
        ("national_origin", "immigration_status", "language"),
        ("hispanic_latino",),
    ),
    Story(
        "en",
        "Someone spray-painted 'go home' and a slur on our garage door overnight. We live off {street}. It's the "
        "second time this year.",
        (VANDALISM,),
        "residence",
        ("race",),
        ("vietnamese", "chinese", "filipino", "south_asian", "hmong", "black"),
    ),
    Story(
        "en",
        "At {clinic} the receptionist made my grandmother wait outside instead of in the waiting room and said 'your "
        "people brought the virus'. She is 81 and it was cold.",
        (CIVIL, VERBAL),
        "healthcare",
        ("race",),
        ("chinese", "vietnamese", "korean", "filipino"),
        role="on_behalf",
        age="over_60",
        gender="female",
    ),
    Story(
        "en",
        "A man at a gas station on {street} told my uncle to take off his 'towel' and called him a terrorist, then "
        "followed him to his car.",
        (VERBAL, THREAT),
        "business",
        ("religion", "race"),
        ("south_asian",),
        role="on_behalf",
        gender="male",
    ),
    Story(
        "en",
        "I saw a man spit on an elderly Asian woman waiting for the {bus} bus. I helped her clean up and gave her my "
        "number, but she didn't want to call the police.",
        (SPAT,),
        "public_transit",
        ("race",),
        ("chinese", "vietnamese", "korean", "other_asian"),
        role="witness",
        age="over_60",
        gender="female",
        weight=1.5,
    ),
    Story(
        "en",
        "I'm a nurse at {clinic}. A patient's son refused to let me into the room and said he didn't want 'a Chinese' "
        "touching his father. I'm Filipino.",
        (VERBAL, CIVIL),
        "workplace",
        ("race", "national_origin"),
        ("filipino",),
        gender="female",
    ),
    Story(
        "en",
        "A coworker left a photo of a Japanese American internment camp on my desk with 'bring them back' written on "
        "it. My manager said he would look into it and nothing happened.",
        (VERBAL, THREAT),
        "workplace",
        ("race", "national_origin"),
        ("japanese",),
    ),
    Story(
        "en",
        "Two guys outside a bar on {street} called my boyfriend and me slurs for being gay and Asian and threw a drink "
        "at us.",
        (VERBAL, ASSAULT),
        "street",
        ("sexual_orientation", "race"),
        ("chinese", "filipino", "vietnamese", "other_asian"),
        gender="male",
    ),
    Story(
        "en",
        "At the county office the clerk refused to call an interpreter for my mother and told her 'this is America, "
        "speak English'. We left without getting help.",
        (CIVIL, VERBAL),
        "government",
        ("language", "national_origin"),
        ("vietnamese", "hmong", "hispanic_latino", "chinese"),
        role="on_behalf",
    ),
    # Spanish
    Story(
        "es",
        "Un hombre en el autobús {bus} me gritó que me regresara a mi país y que aquí no queremos a los mexicanos. "
        "Nadie dijo nada.",
        (VERBAL,),
        "public_transit",
        ("national_origin", "immigration_status"),
        ("hispanic_latino",),
        weight=2,
    ),
    Story(
        "es",
        "En {store} la cajera no me quiso atender cuando le hablé en español y me dijo que aprendiera inglés. El "
        "gerente no hizo nada.",
        (CIVIL, VERBAL),
        "business",
        ("language", "national_origin"),
        ("hispanic_latino",),
        weight=1.5,
    ),
    Story(
        "es",
        "Mi hijo de 14 años llegó llorando de {school} porque unos compañeros le dijeron que a su familia la iban a "
        "deportar y le tiraron comida.",
        (VERBAL,),
        "school",
        ("immigration_status", "national_origin"),
        ("hispanic_latino",),
        role="on_behalf",
        age="under_18",
        gender="male",
    ),
    Story(
        "es",
        "Vi cómo un señor empujó a una mujer asiática mayor en {station} y le gritó insultos. La ayudé a levantarse; "
        "estaba muy asustada.",
        (ASSAULT, VERBAL),
        "public_transit",
        ("race",),
        ("chinese", "vietnamese", "filipino"),
        role="witness",
        age="over_60",
        gender="female",
    ),
    Story(
        "es",
        "Alguien publicó en {platform} una foto de mi puesto de tacos diciendo que somos 'ilegales' y que hay que "
        "llamar a la migra.",
        (ONLINE,),
        "online",
        ("immigration_status", "national_origin"),
        ("hispanic_latino",),
    ),
    Story(
        "es",
        "En el trabajo mis compañeros me dicen 'negra' para burlarse y se ríen de mi acento dominicano. Mi supervisor "
        "se ríe con ellos.",
        (VERBAL, CIVIL),
        "workplace",
        ("race", "language"),
        ("black+hispanic_latino",),
        gender="female",
    ),
    # Simplified Chinese
    Story(
        "zh-hans",
        "我在{bus}公交车上，一个男人一直对我喊“滚回中国去”，还说我们带来了病毒。车上没有人帮我。",
        (VERBAL,),
        "public_transit",
        ("race", "national_origin"),
        ("chinese",),
        weight=2,
    ),
    Story(
        "zh-hans",
        "在{store}排队结账的时候，后面的人故意离我很远，还捂着鼻子跟别人说中国人很脏。",
        (SHUNNING, VERBAL),
        "business",
        ("race",),
        ("chinese",),
        weight=1.5,
    ),
    Story(
        "zh-hans",
        "我妈妈在{street}散步时被一个年轻人从后面推倒，膝盖受了伤。那个人骂了一句脏话就跑了。",
        (ASSAULT, VERBAL),
        "street",
        ("race",),
        ("chinese",),
        role="on_behalf",
        age="over_60",
        gender="female",
    ),
    Story(
        "zh-hans",
        "有人在{platform}上把我的照片和公司名字发出来，说我是间谍，让大家去骚扰我。",
        (ONLINE, THREAT),
        "online",
        ("national_origin",),
        ("chinese",),
    ),
    Story(
        "zh-hans",
        "房东听说我是中国人就说房子已经租出去了，可是我朋友第二天打电话去问，他说还可以租。",
        (CIVIL,),
        "residence",
        ("national_origin",),
        ("chinese",),
    ),
    # Traditional Chinese
    Story(
        "zh-hant",
        "在{station}等車時，一個女人對我吐口水，還罵我「中國病毒」。我到現在還不敢一個人坐車。",
        (SPAT, VERBAL),
        "public_transit",
        ("race",),
        ("chinese", "taiwanese"),
        weight=1.5,
    ),
    Story(
        "zh-hant",
        "我爸爸七十五歲，在{street}的公車站被人打了一拳，眼鏡都碎了。那個人一直喊亞洲人滾出去。",
        (ASSAULT, VERBAL),
        "street",
        ("race",),
        ("chinese",),
        role="on_behalf",
        age="over_60",
        gender="male",
    ),
    Story(
        "zh-hant",
        "我在{store}買菜，收銀員不肯碰我的手，叫我把錢放在櫃台上，可是對其他客人都不是這樣。",
        (SHUNNING,),
        "business",
        ("race",),
        ("chinese", "taiwanese"),
    ),
    Story(
        "zh-hant",
        "我們餐廳門口被人用噴漆寫了歧視亞裔的字，這個月已經是第二次了。餐廳在{street}。",
        (VANDALISM,),
        "business",
        ("race",),
        ("chinese",),
    ),
    Story(
        "zh-hant",
        "我女兒在{school}被同學叫「吃蝙蝠的」，老師知道了也沒有處理。",
        (VERBAL,),
        "school",
        ("race",),
        ("chinese", "taiwanese"),
        role="on_behalf",
        age="under_18",
        gender="female",
    ),
    # Vietnamese
    Story(
        "vi",
        "Tôi đang đi chợ ở {store} thì một người đàn ông chửi tôi và bảo tôi cút về nước. Tôi rất sợ nên bỏ về luôn.",
        (VERBAL,),
        "business",
        ("race", "national_origin"),
        ("vietnamese",),
        weight=1.5,
    ),
    Story(
        "vi",
        "Mẹ tôi năm nay 70 tuổi, bị một người lạ xô ngã khi đang chờ xe buýt {bus} trên đường {street}. Bà bị gãy tay.",
        (ASSAULT,),
        "public_transit",
        ("race",),
        ("vietnamese",),
        role="on_behalf",
        age="over_60",
        gender="female",
    ),
    Story(
        "vi",
        "Có người nhổ nước bọt vào tôi khi tôi đang chờ tàu ở {station} và nói người châu Á mang bệnh đến đây.",
        (SPAT, VERBAL),
        "public_transit",
        ("race",),
        ("vietnamese",),
    ),
    Story(
        "vi",
        "Tiệm nail của tôi bị người ta viết bình luận xúc phạm trên {platform}, gọi chúng tôi là đồ bẩn thỉu và kêu mọi "
        "người tẩy chay.",
        (ONLINE,),
        "online",
        ("race", "national_origin"),
        ("vietnamese",),
    ),
    # Korean
    Story(
        "ko",
        "{bus} 버스에서 한 남자가 저에게 중국으로 돌아가라고 소리를 질렀습니다. 한국 사람이라고 말했는데도 계속 욕을 했습니다.",
        (VERBAL,),
        "public_transit",
        ("race", "national_origin"),
        ("korean",),
        weight=1.5,
    ),
    Story(
        "ko",
        "{store}에서 줄을 서 있었는데 점원이 저를 무시하고 뒤에 있는 사람을 먼저 계산해 주었습니다. 이런 일이 여러 번 있었습니다.",
        (SHUNNING,),
        "business",
        ("race",),
        ("korean",),
    ),
    Story(
        "ko",
        "어머니(68세)가 {park}에서 산책하시다가 모르는 사람에게 밀려 넘어지셨습니다. 그 사람은 아시아인을 비하하는 욕을 했습니다.",
        (ASSAULT, VERBAL),
        "park",
        ("race",),
        ("korean",),
        role="on_behalf",
        age="over_60",
        gender="female",
    ),
    # Tagalog
    Story(
        "tl",
        "Habang naghihintay ako ng {bus} bus, may lalaking sumigaw sa akin na umuwi na raw ako sa China. Pilipino ako "
        "pero wala siyang pakialam.",
        (VERBAL,),
        "public_transit",
        ("race", "national_origin"),
        ("filipino",),
        weight=1.5,
    ),
    Story(
        "tl",
        "Nurse ako sa {clinic}. May pasyenteng ayaw akong papasukin sa kuwarto niya dahil Asyano raw ako at may dalang "
        "virus.",
        (VERBAL, CIVIL),
        "workplace",
        ("race",),
        ("filipino",),
        gender="female",
    ),
    Story(
        "tl",
        "Dinuraan ng isang lalaki ang lola ko sa {station}. Takot na takot siya at ayaw na niyang lumabas ng bahay nang "
        "mag-isa.",
        (SPAT,),
        "public_transit",
        ("race",),
        ("filipino",),
        role="on_behalf",
        age="over_60",
        gender="female",
    ),
    # Hmong
    Story(
        "hmn",
        "Kuv mus yuav khoom ntawm {store} thiab muaj ib tug txiv neej hais lus phem rau kuv, hais kom kuv rov qab mus "
        "rau kuv lub teb chaws.",
        (VERBAL,),
        "business",
        ("race", "national_origin"),
        ("hmong",),
        weight=1.5,
    ),
    Story(
        "hmn",
        "Kuv niam muaj 70 xyoo. Muaj ib tug neeg thawb nws poob ntawm {street} thaum nws taug kev. Nws raug mob thiab "
        "ntshai heev.",
        (ASSAULT,),
        "street",
        ("race",),
        ("hmong",),
        role="on_behalf",
        age="over_60",
        gender="female",
    ),
    Story(
        "hmn",
        "Cov menyuam kawm ntawv ntawm {school} thuam kuv tus tub vim nws yog Hmoob thiab hais lus Hmoob. Tus xib fwb "
        "tsis pab dab tsi li.",
        (VERBAL,),
        "school",
        ("race", "language"),
        ("hmong",),
        role="on_behalf",
        age="under_18",
        gender="male",
    ),
    # Japanese
    Story(
        "ja",
        "{station}で電車を待っていたら、知らない男性に「ウイルスを持ち込むな」と怒鳴られました。周りの人は誰も助けてくれませんでした。",
        (VERBAL,),
        "public_transit",
        ("race",),
        ("japanese",),
    ),
    Story(
        "ja",
        "同僚が私の机に日系人強制収容所の写真を置き、「また戻せばいい」と書いていました。上司に相談しましたが、何もしてくれません。",
        (VERBAL, THREAT),
        "workplace",
        ("race", "national_origin"),
        ("japanese",),
    ),
    # Arabic
    Story(
        "ar",
        "كنت في {store} مع أطفالي عندما صرخت امرأة في وجهي وقالت إنني إرهابية، ثم حاولت نزع حجابي.",
        (ASSAULT, VERBAL),
        "business",
        ("religion", "national_origin"),
        ("middle_eastern_north_african",),
        gender="female",
        weight=1.5,
    ),
    Story(
        "ar",
        "كتب أحدهم عبارات مسيئة للمسلمين على باب المسجد القريب من {street}، وهذه ليست المرة الأولى.",
        (VANDALISM,),
        "place_of_worship",
        ("religion",),
        ("middle_eastern_north_african",),
        role="witness",
    ),
    Story(
        "ar",
        "زميلي في العمل يناديني «بن لادن» أمام الجميع، وعندما اشتكيت إلى المدير قال إنها مجرد مزحة.",
        (VERBAL, CIVIL),
        "workplace",
        ("religion", "national_origin"),
        ("middle_eastern_north_african",),
        gender="male",
    ),
    # Punjabi
    Story(
        "pa",
        "ਮੈਂ {street} ਉੱਤੇ ਇੱਕ ਗੈਸ ਸਟੇਸ਼ਨ ਤੇ ਸੀ ਜਦੋਂ ਇੱਕ ਆਦਮੀ ਨੇ ਮੇਰੀ ਪੱਗ ਵੱਲ ਇਸ਼ਾਰਾ ਕਰਕੇ ਮੈਨੂੰ ਅੱਤਵਾਦੀ ਕਿਹਾ ਅਤੇ ਆਪਣੇ ਦੇਸ਼ ਵਾਪਸ ਜਾਣ ਲਈ ਕਿਹਾ।",
        (VERBAL,),
        "business",
        ("religion", "race"),
        ("south_asian",),
        gender="male",
        weight=1.5,
    ),
    Story(
        "pa",
        "ਮੇਰੇ ਪੁੱਤਰ ਨੂੰ {school} ਵਿੱਚ ਦੂਜੇ ਬੱਚੇ ਉਸਦੇ ਪਟਕੇ ਕਰਕੇ ਤੰਗ ਕਰਦੇ ਹਨ, ਅਤੇ ਇੱਕ ਮੁੰਡੇ ਨੇ ਉਸਦਾ ਪਟਕਾ ਖਿੱਚ ਦਿੱਤਾ।",
        (ASSAULT, VERBAL),
        "school",
        ("religion",),
        ("south_asian",),
        role="on_behalf",
        age="under_18",
        gender="male",
    ),
    Story(
        "pa",
        "ਕਿਸੇ ਨੇ ਰਾਤ ਨੂੰ ਸਾਡੇ ਗੁਰਦੁਆਰੇ ਦੀ ਕੰਧ ਉੱਤੇ ਨਫ਼ਰਤ ਭਰੇ ਸ਼ਬਦ ਲਿਖ ਦਿੱਤੇ।",
        (VANDALISM,),
        "place_of_worship",
        ("religion",),
        ("south_asian",),
        role="witness",
    ),
)

# Sometimes added to an English account, as people do.
ENGLISH_ENDINGS = (
    " I just want someone to know this happened.",
    " I didn't call the police because I didn't think they would do anything.",
    " It wasn't the first time.",
    " I've been afraid to go back there since.",
    " My family says I should forget about it, but I can't.",
)

CONTACT_NAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("Jordan L.", "jordan.l"), ("Michelle T.", "michelle.t"), ("David K.", "dkim"), ("Aisha R.", "aisha.r")),
    "es": (("María G.", "maria.g"), ("José R.", "jose.r"), ("Ana L.", "ana.l")),
    "zh-hans": (("王丽", "li.wang"), ("陈先生", "chen.w"), ("刘芳", "fang.liu")),
    "zh-hant": (("陳美玲", "meiling.chan"), ("黃先生", "wong.k"), ("李太太", "mrs.lee")),
    "vi": (("Nguyễn Thị Lan", "lan.nguyen"), ("Trần Minh", "minh.tran"), ("Phạm Hoa", "hoa.pham")),
    "ko": (("김지영", "jiyoung.kim"), ("박민수", "minsu.park")),
    "tl": (("Maria Santos", "maria.santos"), ("Jun Reyes", "jun.reyes")),
    "hmn": (("Mai Yang", "mai.yang"), ("Pa Vang", "pa.vang"), ("Tou Xiong", "tou.xiong")),
    "ja": (("田中由紀", "yuki.tanaka"), ("Ken Sato", "ken.sato")),
    "ar": (("فاطمة أحمد", "fatima.a"), ("Omar H.", "omar.h")),
    "pa": (("ਹਰਪ੍ਰੀਤ ਕੌਰ", "harpreet.k"), ("Gurpreet Singh", "gurpreet.s")),
}


# --- Drawing the values ---------------------------------------------------------------------------------------------
