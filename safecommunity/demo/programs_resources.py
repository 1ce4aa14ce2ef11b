"""Demo learning resources for both cities: a toolkit against hate (a small PDF made here), bystander-intervention
videos with transcripts, know-your-rights guides and fact sheets in several languages, some shared with the network,
and a few months of download counts."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from safecommunity.accounts.models import Coalition
from safecommunity.programs.resources.files import store_pdf, stored_path
from safecommunity.programs.resources.models import DownloadCount, Resource, ResourceVersion
from safecommunity.programs.resources.sample_pdf import tiny_pdf
from safecommunity.programs.resources.text import search_text_of

TOOLKIT_TEXT = {
    "en": (
        "Toolkit against hate",
        (
            "1. If you are in danger, call 911.",
            "2. Write down what happened, when and where, while you remember it.",
            "3. Keep photos, messages and the names of witnesses.",
            "4. Report it to the coalition: you choose what is shared.",
            "5. Look after yourself: talk to someone you trust, or call a help line.",
        ),
    ),
    "es": (
        "Herramientas contra el odio",
        (
            "1. Si está en peligro, llame al 911.",
            "2. Anote lo que pasó, cuándo y dónde, mientras lo recuerda.",
            "3. Guarde fotos, mensajes y los nombres de los testigos.",
            "4. Repórtelo a la coalición: usted decide qué se comparte.",
            "5. Cuídese: hable con alguien de confianza o llame a una línea de ayuda.",
        ),
    ),
    "tl": (
        "Toolkit laban sa poot",
        (
            "1. Kung ikaw ay nasa panganib, tumawag sa 911.",
            "2. Isulat kung ano ang nangyari, kailan at saan.",
            "3. Itago ang mga larawan, mensahe at pangalan ng mga saksi.",
            "4. I-ulat ito sa koalisyon: ikaw ang pipili kung ano ang ibabahagi.",
        ),
    ),
}

# Each resource: key → (kind, titles, summaries, topics, audiences, versions, shared by which coalition slug).
# A version is (language, "pdf" | link, caption languages, transcript).
RESOURCES: list[dict[str, Any]] = [
    {
        "slug": "toolkit-against-hate",
        "kind": "toolkit",
        "title": {
            "en": "Toolkit against hate",
            "vi": "Bộ công cụ chống thù ghét",
            "zh-hant": "反仇恨工具包",
            "es": "Herramientas contra el odio",
            "ko": "혐오 대응 도구 모음",
            "hmn": "Cov cuab yeej tawm tsam kev ntxub ntxaug",
            "ar": "دليل أدوات لمواجهة الكراهية",
            "tl": "Toolkit laban sa poot",
        },
        "summary": {
            "en": "What to do before, during and after a hate incident: stay safe, keep evidence, report and find support.",
            "vi": "Những việc cần làm trước, trong và sau một sự cố thù ghét: giữ an toàn, lưu bằng chứng, báo cáo và tìm hỗ trợ.",
            "zh-hant": "仇恨事件發生前、發生時和發生後該怎麼做：保持安全、保存證據、舉報並尋求支援。",
            "es": "Qué hacer antes, durante y después de un incidente de odio: protegerse, guardar pruebas, reportar y buscar apoyo.",
            "ko": "혐오 사건 전후에 할 일: 안전을 지키고, 증거를 남기고, 신고하고, 도움을 받으세요.",
            "ar": "ما يجب فعله قبل حادثة الكراهية وأثناءها وبعدها: ابقَ آمنًا، احتفظ بالأدلة، أبلغ واطلب الدعم.",
        },
        "topics": ["know_your_rights", "reporting", "self_protection"],
        "audiences": ["community_members", "businesses", "faith_communities"],
        "versions": [("en", "pdf", [], {}), ("es", "pdf", [], {}), ("tl", "pdf", [], {})],
        "shared_by": "greater-sacramento",
    },
    {
        "slug": "bystander-intervention-5ds",
        "kind": "video",
        "title": {
            "en": "The 5Ds of bystander intervention",
            "vi": "5 cách can thiệp khi chứng kiến quấy rối",
            "zh-hant": "旁觀者介入的五個方法",
            "es": "Las 5D de la intervención de testigos",
            "ko": "목격자 개입의 5D",
            "ar": "الخطوات الخمس لتدخل الشهود",
        },
        "summary": {
            "en": "A six-minute video: distract, delegate, document, delay and direct, with examples on a bus and in a shop.",
            "vi": "Video sáu phút: đánh lạc hướng, nhờ người khác, ghi lại, hỏi thăm sau và lên tiếng trực tiếp.",
            "zh-hant": "六分鐘影片：分散注意、委託他人、記錄、事後關心與直接介入。",
            "es": "Un video de seis minutos: distraer, delegar, documentar, demorar y dirigir.",
        },
        "topics": ["bystander_intervention", "self_protection"],
        "audiences": ["community_members", "youth", "educators"],
        "versions": [
            (
                "en",
                "https://www.youtube.com/watch?v=Yh4pDjQ0Mi8",
                ["en", "es", "vi"],
                {
                    "en": "When you see someone harassed, you can help without putting yourself at risk.\n"
                    "Distract: start a conversation with the person targeted.\n"
                    "Delegate: ask the driver or a shop assistant to help.\n"
                    "Document: film from a safe distance and give the video to the person targeted.\n"
                    "Delay: afterwards, ask them how they are.\n"
                    "Direct: if it is safe, say clearly that this is not OK.",
                    "vi": "Khi bạn thấy ai đó bị quấy rối, bạn có thể giúp mà không tự đặt mình vào nguy hiểm.\n"
                    "Đánh lạc hướng: bắt chuyện với người bị nhắm đến.\n"
                    "Nhờ người khác: nhờ tài xế hoặc nhân viên cửa hàng giúp.\n"
                    "Ghi lại: quay phim từ khoảng cách an toàn.\n"
                    "Hỏi thăm sau: hỏi xem họ có ổn không.\n"
                    "Lên tiếng: nếu an toàn, hãy nói rõ điều đó là không được.",
                },
            ),
            (
                "zh-hant",
                "https://vimeo.com/76979871",
                ["zh-hant"],
                {
                    "zh-hant": "當你看到有人被騷擾時，你可以在不危及自己的情況下提供幫助。\n"
                    "分散注意：和被針對的人聊天。\n委託他人：請司機或店員幫忙。\n"
                    "記錄：在安全距離拍攝。\n事後關心：問問對方是否安好。\n直接介入：如果安全，清楚表明這樣不對。"
                },
            ),
            (
                "es",
                "https://youtu.be/Yh4pDjQ0Mi8",
                ["es"],
                {
                    "es": "Cuando vea que acosan a alguien, puede ayudar sin ponerse en riesgo: distraer, delegar, documentar, demorar y dirigir."
                },
            ),
        ],
        "shared_by": "sf-bay-area",
    },
    {
        "slug": "know-your-rights",
        "kind": "guide",
        "title": {
            "en": "Know your rights: hate crimes and hate incidents",
            "vi": "Biết quyền của bạn: tội ác và sự cố thù ghét",
            "zh-hant": "了解你的權利：仇恨犯罪與仇恨事件",
            "es": "Conozca sus derechos: crímenes y incidentes de odio",
            "ko": "당신의 권리: 증오 범죄와 혐오 사건",
            "hmn": "Paub koj txoj cai: kev ua txhaum cai vim kev ntxub ntxaug",
            "ar": "اعرف حقوقك: جرائم الكراهية وحوادثها",
        },
        "summary": {
            "en": "The difference between a hate crime and a hate incident, your rights with the police, and help whatever your immigration status.",
            "vi": "Sự khác nhau giữa tội ác thù ghét và sự cố thù ghét, quyền của bạn với cảnh sát, và sự giúp đỡ bất kể tình trạng di trú.",
            "zh-hant": "仇恨犯罪與仇恨事件的區別、你面對警察時的權利，以及不論移民身份都能獲得的幫助。",
            "es": "La diferencia entre un crimen y un incidente de odio, sus derechos ante la policía y ayuda sin importar su estatus migratorio.",
            "ar": "الفرق بين جريمة الكراهية وحادثة الكراهية، وحقوقك مع الشرطة، والمساعدة مهما كان وضع الهجرة.",
        },
        "topics": ["know_your_rights", "reporting"],
        "audiences": ["community_members", "seniors", "partner_staff"],
        "versions": [
            ("en", "/know-your-rights/en", [], {}),
            ("vi", "/know-your-rights/vi", [], {}),
            ("zh-hant", "/know-your-rights/zh-hant", [], {}),
            ("es", "/know-your-rights/es", [], {}),
            ("ko", "/know-your-rights/ko", [], {}),
            ("hmn", "/know-your-rights/hmn", [], {}),
            ("ar", "/know-your-rights/ar", [], {}),
        ],
        "shared_by": "",
    },
    {
        "slug": "reporting-fact-sheet",
        "kind": "fact_sheet",
        "title": {
            "en": "Fact sheet: why reporting matters",
            "vi": "Tờ thông tin: vì sao việc báo cáo quan trọng",
            "zh-hant": "資料單張：為什麼舉報很重要",
            "es": "Hoja informativa: por qué importa reportar",
            "ko": "정보지: 신고가 중요한 이유",
        },
        "summary": {
            "en": "Most hate incidents are never reported. One page on what a report changes, and how your privacy is protected.",
            "vi": "Phần lớn sự cố thù ghét không được báo cáo. Một trang về những gì một báo cáo thay đổi và cách bảo vệ quyền riêng tư.",
            "es": "La mayoría de los incidentes de odio nunca se reportan. Una página sobre lo que cambia un reporte.",
        },
        "topics": ["reporting"],
        "audiences": ["community_members", "faith_communities", "businesses"],
        "versions": [
            ("en", "/reporting-matters/en", [], {}),
            ("vi", "/reporting-matters/vi", [], {}),
            ("zh-hant", "/reporting-matters/zh-hant", [], {}),
            ("ko", "/reporting-matters/ko", [], {}),
        ],
        "shared_by": "greater-sacramento",
    },
    {
        "slug": "talking-to-children-about-hate",
        "kind": "guide",
        "title": {
            "en": "Talking to children about hate",
            "vi": "Nói chuyện với trẻ em về sự thù ghét",
            "zh-hant": "如何與孩子談論仇恨",
            "es": "Cómo hablar con los niños sobre el odio",
            "ko": "아이들과 혐오에 대해 이야기하기",
        },
        "summary": {
            "en": "For parents and teachers: questions children ask after an incident, and words that help.",
            "zh-hant": "給家長和老師：事件發生後孩子會問的問題，以及有幫助的說法。",
            "es": "Para madres, padres y docentes: preguntas que hacen los niños después de un incidente.",
        },
        "topics": ["talking_to_children", "mental_health"],
        "audiences": ["parents", "educators"],
        "versions": [("en", "/talking-to-children/en", [], {}), ("zh-hant", "/talking-to-children/zh-hant", [], {})],
        "shared_by": "",
    },
    {
        "slug": "coping-after-hate",
        "kind": "fact_sheet",
        "title": {
            "en": "Coping after a hate incident",
            "vi": "Đối phó sau một sự cố thù ghét",
            "ko": "혐오 사건 이후 마음 돌보기",
            "hmn": "Kev saib xyuas koj tus kheej tom qab kev ntxub ntxaug",
            "ar": "التعافي بعد حادثة كراهية",
        },
        "summary": {
            "en": "Common reactions after being targeted, and where to find counselling in your language.",
            "ko": "피해 후 흔한 반응과, 모국어로 상담받을 수 있는 곳.",
            "ar": "ردود الفعل الشائعة بعد التعرض للاستهداف، وأين تجد الإرشاد بلغتك.",
        },
        "topics": ["mental_health"],
        "audiences": ["community_members", "seniors", "youth"],
        "versions": [("en", "/coping/en", [], {}), ("ko", "/coping/ko", [], {}), ("ar", "/coping/ar", [], {})],
        "shared_by": "",
    },
]

# Which demo resources each city publishes (the same slug in both cities is each city's own copy).
CITY_RESOURCES = {
    "greater-sacramento": [
        "toolkit-against-hate",
        "bystander-intervention-5ds",
        "know-your-rights",
        "reporting-fact-sheet",
        "coping-after-hate",
    ],
    "sf-bay-area": [
        "toolkit-against-hate",
        "bystander-intervention-5ds",
        "know-your-rights",
        "reporting-fact-sheet",
        "talking-to-children-about-hate",
    ],
}


def _months_before(now: dt.datetime, count: int) -> list[dt.date]:
    year, month = now.year, now.month
    months = []
    for _ in range(count):
        months.append(dt.date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months


def _demo_count(*parts: str) -> int:
    return int(hashlib.sha256("|".join(parts).encode()).hexdigest()[:4], 16) % 40 + 3


def _pdf_for(resource: Resource, language: str) -> tuple[bytes, int]:
    title, lines = TOOLKIT_TEXT.get(language, TOOLKIT_TEXT["en"])
    return tiny_pdf(title, (resource.coalition.name, "", *lines)), 1


def _version(resource: Resource, spec: tuple[str, str, list[str], dict[str, str]]) -> ResourceVersion:
    language, target, captions, transcript = spec
    version, _created = ResourceVersion.objects.get_or_create(resource=resource, language=language)
    version.captions_available = bool(captions)
    version.caption_languages = list(captions)
    version.transcript = dict(transcript)
    if target == "pdf":
        if not version.file_storage_name or stored_path(version.file_storage_name) is None:
            content, pages = _pdf_for(resource, language)
            version.file_storage_name = store_pdf(content)
            version.file_size, version.page_count = len(content), pages
        version.url = ""
    else:
        website = (resource.coalition.website or "https://example.org").rstrip("/")
        version.url = f"{website}{target}" if target.startswith("/") else target
    version.save()
    return version


def seed_resources(*, coalitions: dict[str, Coalition], now: dt.datetime) -> dict[str, int]:
    made = {"resources": 0, "versions": 0, "download_months": 0}
    by_slug = {spec["slug"]: spec for spec in RESOURCES}
    months = _months_before(now, 6)
    for coalition_slug, coalition in coalitions.items():
        for slug in CITY_RESOURCES.get(coalition_slug, []):
            spec = by_slug[slug]
            resource, _created = Resource.objects.update_or_create(
                coalition=coalition,
                slug=slug,
                defaults={
                    "kind": spec["kind"],
                    "title": spec["title"],
                    "summary": spec["summary"],
                    "topics": spec["topics"],
                    "audiences": spec["audiences"],
                    "search_text": search_text_of(spec["title"], spec["summary"]),
                    "published": True,
                    "shared_with_network": spec["shared_by"] == coalition_slug,
                },
            )
            made["resources"] += 1
            for version_spec in spec["versions"]:
                version = _version(resource, version_spec)
                made["versions"] += 1
                for month in months:
                    DownloadCount.objects.update_or_create(
                        version=version,
                        month=month,
                        defaults={"count": _demo_count(coalition_slug, slug, version.language, f"{month:%Y-%m}")},
                    )
                    made["download_months"] += 1
    return made
