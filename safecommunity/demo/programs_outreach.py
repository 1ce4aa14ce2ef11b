"""Demo data for staying in touch: each city's branding, take-action page and links (invented example.org
addresses), a few confirmed newsletter subscribers in several languages and one issue already sent."""

from __future__ import annotations

from datetime import datetime, timedelta

from safecommunity.accounts.models import Coalition
from safecommunity.core.encryption import lookup_hash
from safecommunity.programs.outreach.models import (
    ActionLink,
    IssueDelivery,
    NewsletterIssue,
    Subscriber,
    TakeActionPage,
)
from safecommunity.programs.outreach.services import new_token

BRANDING: dict[str, dict[str, object]] = {
    "greater-sacramento": {
        "accent_colour": "#0b5d5b",
        "default_language": "en",
        "website": "https://greater-sacramento.example.org",
        "tagline": {
            "en": "Neighbours standing together against hate",
            "es": "Vecinos unidos contra el odio",
            "vi": "Hàng xóm cùng nhau chống lại thù hận",
            "zh-hant": "鄰里攜手，共同反對仇恨",
            "ko": "증오에 맞서 함께하는 이웃들",
            "hmn": "Cov neeg zej zog sawv ua ke tawm tsam kev ntxub ntxaug",
            "ar": "جيران يقفون معًا ضد الكراهية",
        },
    },
    "sf-bay-area": {
        "accent_colour": "#7a1f5c",
        "default_language": "en",
        "website": "https://bay-area.example.org",
        "tagline": {
            "en": "Every report makes the Bay safer",
            "es": "Cada reporte hace más segura la Bahía",
            "vi": "Mỗi báo cáo giúp vùng Vịnh an toàn hơn",
            "zh-hant": "每一份報告都讓灣區更安全",
            "ko": "모든 신고가 베이 지역을 더 안전하게 만듭니다",
            "ar": "كل بلاغ يجعل منطقة الخليج أكثر أمانًا",
        },
    },
}

INTRO = {
    "en": "Hate grows in silence. Here are five ways you can help your neighbours today.",
    "es": "El odio crece en el silencio. Aquí tiene cinco maneras de ayudar hoy a sus vecinos.",
    "vi": "Thù hận lớn lên trong im lặng. Đây là năm cách bạn có thể giúp hàng xóm ngay hôm nay.",
    "zh-hant": "仇恨在沉默中滋長。以下是您今天就能幫助鄰居的五種方式。",
    "ko": "증오는 침묵 속에서 자랍니다. 오늘 이웃을 도울 수 있는 다섯 가지 방법입니다.",
    "ar": "تنمو الكراهية في الصمت. إليك خمس طرق لمساعدة جيرانك اليوم.",
}

# (key, kind, label, description, path)
LINKS: list[tuple[str, str, dict[str, str], dict[str, str], str]] = [
    (
        "ambassadors",
        ActionLink.Kind.VOLUNTEER,
        {"en": "Become a community ambassador", "es": "Sea embajador comunitario", "vi": "Trở thành đại sứ cộng đồng"},
        {"en": "Two hours a month sharing what to do after a hate incident."},
        "/volunteer/ambassadors",
    ),
    (
        "victims-fund",
        ActionLink.Kind.DONATE,
        {
            "en": "Give to the victims fund",
            "es": "Done al fondo para víctimas",
            "vi": "Ủng hộ quỹ hỗ trợ nạn nhân",
            "zh-hant": "捐款支持受害者基金",
            "ko": "피해자 기금에 기부하기",
            "ar": "تبرّع لصندوق الضحايا",
        },
        {
            "en": "Pays for emergency locks, counselling and lost wages after an attack.",
            "vi": "Chi trả khóa cửa khẩn cấp, tư vấn tâm lý và tiền lương bị mất sau một vụ tấn công.",
        },
        "/donate",
    ),
    (
        "flyer",
        ActionLink.Kind.SHARE,
        {"en": 'Print the "Report hate" flyer', "es": 'Imprima el folleto "Denuncie el odio"'},
        {"en": "A one-page flyer in twelve languages for shops, temples and schools."},
        "/flyer.pdf",
    ),
    (
        "mastodon",
        ActionLink.Kind.FOLLOW,
        {"en": "Follow us on Mastodon", "es": "Síganos en Mastodon", "vi": "Theo dõi chúng tôi trên Mastodon"},
        {},
        "/@coalition",
    ),
    (
        "pledge",
        ActionLink.Kind.OTHER,
        {"en": "Sign the bystander pledge", "vi": "Ký cam kết của người chứng kiến"},
        {"en": "Promise to step in safely when you see harassment."},
        "/pledge",
    ),
]

SUBSCRIBERS = [
    ("en", "reader-en"),
    ("vi", "reader-vi"),
    ("zh-hant", "reader-zh"),
    ("es", "reader-es"),
    ("ko", "reader-ko"),
]

ISSUE_SUBJECT = {
    "en": "Spring news: workshops, a new toolkit and how to report",
    "es": "Noticias de primavera: talleres, una nueva guía y cómo denunciar",
    "vi": "Tin mùa xuân: hội thảo, bộ tài liệu mới và cách báo cáo",
    "zh-hant": "春季消息：工作坊、新工具包及如何舉報",
}
ISSUE_BODY = {
    "en": "This spring we run bystander workshops in four languages and publish a new toolkit. "
    "If you experience or see hate, report it: anonymously if you wish, in your language.",
    "es": "Esta primavera ofrecemos talleres para testigos en cuatro idiomas y publicamos una nueva guía. "
    "Si sufre o presencia el odio, denúncielo: de forma anónima si lo desea, en su idioma.",
    "vi": "Mùa xuân này chúng tôi tổ chức hội thảo cho người chứng kiến bằng bốn ngôn ngữ và phát hành bộ tài liệu mới. "
    "Nếu bạn gặp hoặc chứng kiến thù hận, hãy báo cáo: ẩn danh nếu muốn, bằng ngôn ngữ của bạn.",
    "zh-hant": "今年春天，我們以四種語言舉辦旁觀者工作坊，並發布新的工具包。"
    "如果您遭遇或目睹仇恨，請舉報：如您願意可匿名，並以您的語言進行。",
}


def _subscriber(coalition: Coalition, email: str, language: str, now: datetime) -> Subscriber:
    subscriber = Subscriber.objects.filter(coalition=coalition, email_hash=lookup_hash(email)).first()
    if subscriber is None:
        subscriber = Subscriber(coalition=coalition, email_hash=lookup_hash(email), unsubscribe_token=new_token())
    subscriber.email = email
    subscriber.language = language
    subscriber.status = Subscriber.Status.CONFIRMED
    subscriber.confirm_token = ""
    subscriber.confirm_sent_at = subscriber.confirm_sent_at or now - timedelta(days=40)
    subscriber.confirmed_at = subscriber.confirmed_at or now - timedelta(days=40)
    subscriber.save()
    return subscriber


def seed_outreach(*, coalitions: dict[str, Coalition], now: datetime) -> dict[str, int]:
    counts = {"branded cities": 0, "take-action links": 0, "newsletter subscribers": 0, "newsletter issues sent": 0}
    for slug, coalition in coalitions.items():
        brand = BRANDING.get(slug)
        if brand is not None:
            for field, value in brand.items():
                setattr(coalition, field, value)
            coalition.save(update_fields=list(brand))
            counts["branded cities"] += 1
        TakeActionPage.objects.update_or_create(coalition=coalition, defaults={"intro": INTRO})
        for position, (key, kind, label, description, path) in enumerate(LINKS):
            ActionLink.objects.update_or_create(
                coalition=coalition,
                key=key,
                defaults={
                    "kind": kind,
                    "label": label,
                    "description": description,
                    "url": f"https://{slug}.example.org{path}",
                    "position": position,
                },
            )
            counts["take-action links"] += 1
        subscribers = [
            _subscriber(coalition, f"{local}@{slug}.example.org", language, now) for language, local in SUBSCRIBERS
        ]
        counts["newsletter subscribers"] += len(subscribers)
        issue = NewsletterIssue.objects.filter(coalition=coalition, subject__en=ISSUE_SUBJECT["en"]).first()
        if issue is None:
            issue = NewsletterIssue(coalition=coalition)
        issue.subject, issue.body = ISSUE_SUBJECT, ISSUE_BODY
        issue.status = NewsletterIssue.Status.SENT
        issue.send_requested_at = issue.sent_at = now - timedelta(days=14)
        issue.save()
        # Recorded as sent (the demo sends no e-mail).
        for subscriber in subscribers:
            language = subscriber.language if subscriber.language in ISSUE_BODY else coalition.default_language
            IssueDelivery.objects.get_or_create(issue=issue, subscriber=subscriber, defaults={"language": language})
        issue.sent_count = issue.deliveries.count()
        issue.save(update_fields=["sent_count"])
        counts["newsletter issues sent"] += 1
    return counts
