"""The surveys the coalitions asked for, ready to copy: real questions in English, Vietnamese, Traditional Chinese
and Spanish. ``survey_from_template`` (services) makes an editable draft of one of them."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

Texts = dict[str, str]


def t(en: str, vi: str, zh_hant: str, es: str) -> Texts:
    return {"en": en, "vi": vi, "zh-hant": zh_hant, "es": es}


@dataclass(frozen=True)
class QuestionSpec:
    code: str
    kind: str
    text: Texts
    required: bool = False
    help: Texts = field(default_factory=dict)
    options: tuple[tuple[str, Texts], ...] = ()
    scale: tuple[int, int, Texts, Texts] | None = None
    condition: tuple[str, tuple[str, ...]] | None = None


@dataclass(frozen=True)
class SurveyTemplate:
    code: str
    name: str | Promise
    kind: str
    title: Texts
    intro: Texts
    thanks: Texts
    questions: tuple[QuestionSpec, ...]
    anonymous: bool = True
    one_response_per_person: bool = False


YES_NO_PREFER_NOT = (
    ("yes", t("Yes", "Có", "是", "Sí")),
    ("no", t("No", "Không", "否", "No")),
    ("prefer_not", t("I prefer not to say", "Tôi không muốn trả lời", "我不想回答", "Prefiero no decirlo")),
)
NOT_AT_ALL = t("Not at all", "Hoàn toàn không", "完全沒有", "Nada")
THANKS = t(
    "Thank you for taking the time to answer. Your answers help us plan support for our community.",
    "Cảm ơn bạn đã dành thời gian trả lời. Câu trả lời của bạn giúp chúng tôi lên kế hoạch hỗ trợ cộng đồng.",
    "感謝您抽空回答。您的回答能幫助我們為社區規劃支援服務。",
    "Gracias por tomarse el tiempo de responder. Sus respuestas nos ayudan a planificar el apoyo a nuestra comunidad.",
)
ANONYMOUS_INTRO = t(
    "This survey is anonymous: we do not ask for your name, and any answer may be skipped unless it is marked as "
    "needed. It takes about five minutes.",
    "Khảo sát này là ẩn danh: chúng tôi không hỏi tên bạn, và bạn có thể bỏ qua bất kỳ câu nào không được đánh dấu "
    "là bắt buộc. Chỉ mất khoảng năm phút.",
    "本調查為匿名調查：我們不會詢問您的姓名，除標明必答的問題外，您可以跳過任何問題。大約需要五分鐘。",
    "Esta encuesta es anónima: no le pedimos su nombre y puede omitir cualquier pregunta que no esté marcada como "
    "necesaria. Toma unos cinco minutos.",
)

NEEDS_ASSESSMENT = SurveyTemplate(
    code="needs_assessment",
    name=_("Mental-health needs assessment"),
    kind="needs_assessment",
    title=t(
        "Community mental-health needs assessment",
        "Đánh giá nhu cầu sức khỏe tâm thần của cộng đồng",
        "社區心理健康需求評估",
        "Evaluación de las necesidades de salud mental de la comunidad",
    ),
    intro=ANONYMOUS_INTRO,
    thanks=THANKS,
    questions=(
        QuestionSpec(
            "wellbeing",
            "scale",
            t(
                "Over the past month, how would you rate your overall emotional well-being?",
                "Trong tháng vừa qua, bạn đánh giá sức khỏe tinh thần chung của mình như thế nào?",
                "在過去一個月，您如何評價自己整體的情緒健康？",
                "Durante el último mes, ¿cómo calificaría su bienestar emocional en general?",
            ),
            required=True,
            scale=(
                1,
                5,
                t("Very poor", "Rất kém", "非常差", "Muy malo"),
                t("Very good", "Rất tốt", "非常好", "Muy bueno"),
            ),
        ),
        QuestionSpec(
            "experienced",
            "single_choice",
            t(
                "In the past 12 months, have you experienced harassment, discrimination or violence because of who "
                "you are?",
                "Trong 12 tháng qua, bạn có bị quấy rối, phân biệt đối xử hoặc bạo lực vì con người của bạn không?",
                "在過去12個月內，您是否曾因自己的身分而遭受騷擾、歧視或暴力？",
                "En los últimos 12 meses, ¿ha sufrido acoso, discriminación o violencia por ser quien es?",
            ),
            required=True,
            options=YES_NO_PREFER_NOT,
        ),
        QuestionSpec(
            "impact",
            "matrix",
            t(
                "How much has this affected the following parts of your life?",
                "Điều đó đã ảnh hưởng đến những khía cạnh sau trong cuộc sống của bạn ở mức nào?",
                "這件事對您生活的以下方面影響有多大？",
                "¿Cuánto ha afectado esto a los siguientes aspectos de su vida?",
            ),
            options=(
                ("sleep", t("Sleep", "Giấc ngủ", "睡眠", "El sueño")),
                (
                    "going_out",
                    t(
                        "Feeling safe going out",
                        "Cảm giác an toàn khi ra ngoài",
                        "外出時的安全感",
                        "Sentirse seguro al salir",
                    ),
                ),
                (
                    "work_school",
                    t("Work or school", "Công việc hoặc học tập", "工作或學業", "El trabajo o los estudios"),
                ),
                (
                    "relationships",
                    t("Family and friendships", "Gia đình và bạn bè", "家庭和友誼", "La familia y las amistades"),
                ),
            ),
            scale=(1, 4, NOT_AT_ALL, t("A great deal", "Rất nhiều", "非常大", "Muchísimo")),
            condition=("experienced", ("yes",)),
        ),
        QuestionSpec(
            "support_used",
            "multiple_choice",
            t(
                "Where have you looked for support when you felt stressed or upset?",
                "Bạn đã tìm sự hỗ trợ ở đâu khi cảm thấy căng thẳng hoặc buồn phiền?",
                "當您感到壓力或難過時，曾向哪裡尋求支援？",
                "¿Dónde ha buscado apoyo cuando se ha sentido estresado o afectado?",
            ),
            options=(
                ("family_friends", t("Family or friends", "Gia đình hoặc bạn bè", "家人或朋友", "Familia o amigos")),
                ("faith", t("A faith community", "Cộng đồng tôn giáo", "宗教團體", "Una comunidad religiosa")),
                (
                    "community_org",
                    t("A community organisation", "Một tổ chức cộng đồng", "社區組織", "Una organización comunitaria"),
                ),
                (
                    "counsellor",
                    t(
                        "A counsellor or therapist",
                        "Chuyên viên tư vấn hoặc nhà trị liệu",
                        "輔導員或治療師",
                        "Un consejero o terapeuta",
                    ),
                ),
                ("doctor", t("A doctor", "Bác sĩ", "醫生", "Un médico")),
                ("hotline", t("A helpline", "Đường dây trợ giúp", "求助熱線", "Una línea de ayuda")),
                ("none", t("Nowhere yet", "Chưa tìm ở đâu cả", "尚未尋求任何支援", "En ningún lugar todavía")),
            ),
        ),
        QuestionSpec(
            "barriers",
            "multiple_choice",
            t(
                "What makes it hard for you to get mental-health support?",
                "Điều gì khiến bạn khó tiếp cận dịch vụ hỗ trợ sức khỏe tâm thần?",
                "有哪些因素讓您難以獲得心理健康支援？",
                "¿Qué le dificulta recibir apoyo de salud mental?",
            ),
            options=(
                ("cost", t("The cost", "Chi phí", "費用", "El costo")),
                (
                    "language",
                    t(
                        "No help in my language",
                        "Không có hỗ trợ bằng ngôn ngữ của tôi",
                        "沒有以我的語言提供的協助",
                        "No hay ayuda en mi idioma",
                    ),
                ),
                (
                    "stigma",
                    t(
                        "Worry about what others will think",
                        "Lo ngại người khác sẽ nghĩ gì",
                        "擔心別人的看法",
                        "La preocupación por lo que piensen los demás",
                    ),
                ),
                (
                    "where",
                    t(
                        "I do not know where to go",
                        "Tôi không biết nên đi đâu",
                        "我不知道該去哪裡",
                        "No sé adónde acudir",
                    ),
                ),
                ("time", t("I do not have time", "Tôi không có thời gian", "我沒有時間", "No tengo tiempo")),
                (
                    "insurance",
                    t("No health insurance", "Không có bảo hiểm y tế", "沒有醫療保險", "No tengo seguro médico"),
                ),
                (
                    "no_barriers",
                    t("Nothing makes it hard", "Không có khó khăn gì", "沒有任何困難", "Nada me lo dificulta"),
                ),
            ),
        ),
        QuestionSpec(
            "support_language",
            "single_choice",
            t(
                "In which language would you prefer to receive support?",
                "Bạn muốn được hỗ trợ bằng ngôn ngữ nào?",
                "您希望以哪種語言獲得支援？",
                "¿En qué idioma preferiría recibir apoyo?",
            ),
            options=(
                ("english", t("English", "Tiếng Anh", "英語", "Inglés")),
                ("vietnamese", t("Vietnamese", "Tiếng Việt", "越南語", "Vietnamita")),
                ("chinese", t("Chinese", "Tiếng Trung", "中文", "Chino")),
                ("spanish", t("Spanish", "Tiếng Tây Ban Nha", "西班牙語", "Español")),
                ("korean", t("Korean", "Tiếng Hàn", "韓語", "Coreano")),
                ("hmong", t("Hmong", "Tiếng Hmông", "苗語", "Hmong")),
                ("other", t("Another language", "Ngôn ngữ khác", "其他語言", "Otro idioma")),
            ),
        ),
        QuestionSpec(
            "needs",
            "text",
            t(
                "What support would help you or your community most?",
                "Sự hỗ trợ nào sẽ giúp ích nhiều nhất cho bạn hoặc cộng đồng của bạn?",
                "哪些支援對您或您的社區最有幫助？",
                "¿Qué apoyo le ayudaría más a usted o a su comunidad?",
            ),
            help=t(
                "Please do not write names or details that could identify someone.",
                "Vui lòng không ghi tên hoặc chi tiết có thể nhận diện một người.",
                "請不要寫下姓名或任何可辨識個人身分的細節。",
                "Por favor, no escriba nombres ni datos que puedan identificar a alguien.",
            ),
        ),
    ),
)

AGREE_SCALE_LOW = t("Not at all", "Hoàn toàn không", "完全不", "Nada")
PRE_POST = SurveyTemplate(
    code="pre_post_workshop",
    name=_("Before and after workshop evaluation"),
    kind="pre_post",
    title=t(
        "Workshop evaluation: before and after",
        "Đánh giá hội thảo: trước và sau",
        "工作坊評估：參加前與參加後",
        "Evaluación del taller: antes y después",
    ),
    intro=t(
        "Please answer once before the workshop and once after it. Keep the code you are given (or use the same "
        "code of your own both times) so that we can compare, without knowing who you are.",
        "Vui lòng trả lời một lần trước hội thảo và một lần sau hội thảo. Hãy giữ mã bạn nhận được (hoặc dùng cùng "
        "một mã của riêng bạn cả hai lần) để chúng tôi so sánh mà không cần biết bạn là ai.",
        "請在工作坊開始前回答一次，結束後再回答一次。請保留您獲得的代碼（或兩次都使用您自訂的同一個代碼），"
        "以便我們在不知道您身分的情況下進行比較。",
        "Responda una vez antes del taller y otra vez después. Guarde el código que se le dé (o use el mismo código "
        "propio las dos veces) para que podamos comparar sin saber quién es usted.",
    ),
    thanks=THANKS,
    one_response_per_person=True,
    questions=(
        QuestionSpec(
            "confidence_intervene",
            "scale",
            t(
                "How confident are you that you could safely help if you saw someone being harassed?",
                "Bạn tự tin đến mức nào rằng mình có thể giúp đỡ một cách an toàn nếu thấy ai đó bị quấy rối?",
                "如果您看到有人被騷擾，您有多大信心能安全地提供協助？",
                "¿Qué tan seguro se siente de poder ayudar sin riesgo si viera que acosan a alguien?",
            ),
            required=True,
            scale=(
                1,
                5,
                t("Not at all confident", "Hoàn toàn không tự tin", "完全沒有信心", "Nada seguro"),
                t("Very confident", "Rất tự tin", "非常有信心", "Muy seguro"),
            ),
        ),
        QuestionSpec(
            "know_report",
            "scale",
            t(
                "How well do you know how to report a hate incident?",
                "Bạn biết rõ đến mức nào về cách báo cáo một vụ việc thù ghét?",
                "您對如何舉報仇恨事件了解多少？",
                "¿Qué tan bien sabe cómo denunciar un incidente de odio?",
            ),
            required=True,
            scale=(1, 5, AGREE_SCALE_LOW, t("Very well", "Rất rõ", "非常了解", "Muy bien")),
        ),
        QuestionSpec(
            "know_rights",
            "scale",
            t(
                "How well do you understand your rights if you experience a hate incident?",
                "Bạn hiểu rõ đến mức nào về quyền của mình nếu gặp phải một vụ việc thù ghét?",
                "如果您遭遇仇恨事件，您對自己的權利了解多少？",
                "¿Qué tan bien entiende sus derechos si sufre un incidente de odio?",
            ),
            required=True,
            scale=(1, 5, AGREE_SCALE_LOW, t("Very well", "Rất rõ", "非常了解", "Muy bien")),
        ),
        QuestionSpec(
            "know_support",
            "scale",
            t(
                "How well do you know where to find mental-health or legal support?",
                "Bạn biết rõ đến mức nào về nơi tìm hỗ trợ sức khỏe tâm thần hoặc pháp lý?",
                "您對在哪裡可以找到心理健康或法律支援了解多少？",
                "¿Qué tan bien sabe dónde encontrar apoyo de salud mental o legal?",
            ),
            scale=(1, 5, AGREE_SCALE_LOW, t("Very well", "Rất rõ", "非常了解", "Muy bien")),
        ),
        QuestionSpec(
            "bystander_ways",
            "multiple_choice",
            t(
                "Which of these are safe ways to help as a bystander?",
                "Những cách nào sau đây là cách an toàn để giúp đỡ khi bạn là người chứng kiến?",
                "以下哪些是旁觀者可以安全提供協助的方法？",
                "¿Cuáles de estas son formas seguras de ayudar como testigo?",
            ),
            options=(
                ("distract", t("Distract", "Đánh lạc hướng", "分散注意力", "Distraer")),
                (
                    "delegate",
                    t("Ask someone else for help", "Nhờ người khác giúp", "請他人協助", "Pedir ayuda a otra persona"),
                ),
                ("document", t("Record what happens", "Ghi lại sự việc", "記錄事發經過", "Documentar lo que pasa")),
                (
                    "delay",
                    t(
                        "Check on the person afterwards",
                        "Hỏi thăm người đó sau sự việc",
                        "事後關心當事人",
                        "Acompañar a la persona después",
                    ),
                ),
                (
                    "direct",
                    t(
                        "Speak up, if it is safe",
                        "Lên tiếng, nếu an toàn",
                        "在安全的情況下出聲制止",
                        "Intervenir directamente, si es seguro",
                    ),
                ),
                ("ignore", t("Look away", "Làm ngơ", "視而不見", "Mirar hacia otro lado")),
            ),
        ),
        QuestionSpec(
            "comments",
            "text",
            t(
                "Is there anything else you would like to tell us?",
                "Bạn có muốn chia sẻ thêm điều gì với chúng tôi không?",
                "您還有其他想告訴我們的嗎？",
                "¿Hay algo más que quiera decirnos?",
            ),
        ),
    ),
)

PUBLIC_SAFETY = SurveyTemplate(
    code="public_safety",
    name=_("Community public-safety survey"),
    kind="public_safety",
    title=t(
        "Community safety survey",
        "Khảo sát về an toàn cộng đồng",
        "社區安全調查",
        "Encuesta sobre la seguridad de la comunidad",
    ),
    intro=ANONYMOUS_INTRO,
    thanks=THANKS,
    questions=(
        QuestionSpec(
            "safe_day",
            "scale",
            t(
                "How safe do you feel in your neighbourhood during the day?",
                "Bạn cảm thấy an toàn đến mức nào trong khu phố của mình vào ban ngày?",
                "白天在您的社區裡，您感到有多安全？",
                "¿Qué tan seguro se siente en su vecindario durante el día?",
            ),
            required=True,
            scale=(
                1,
                5,
                t("Very unsafe", "Rất không an toàn", "非常不安全", "Muy inseguro"),
                t("Very safe", "Rất an toàn", "非常安全", "Muy seguro"),
            ),
        ),
        QuestionSpec(
            "safe_night",
            "scale",
            t(
                "How safe do you feel in your neighbourhood after dark?",
                "Bạn cảm thấy an toàn đến mức nào trong khu phố của mình khi trời tối?",
                "天黑後在您的社區裡，您感到有多安全？",
                "¿Qué tan seguro se siente en su vecindario cuando oscurece?",
            ),
            required=True,
            scale=(
                1,
                5,
                t("Very unsafe", "Rất không an toàn", "非常不安全", "Muy inseguro"),
                t("Very safe", "Rất an toàn", "非常安全", "Muy seguro"),
            ),
        ),
        QuestionSpec(
            "experienced",
            "single_choice",
            t(
                "In the past 12 months, have you experienced or witnessed a hate incident?",
                "Trong 12 tháng qua, bạn có gặp phải hoặc chứng kiến một vụ việc thù ghét không?",
                "在過去12個月內，您是否曾遭遇或目睹仇恨事件？",
                "En los últimos 12 meses, ¿ha sufrido o presenciado un incidente de odio?",
            ),
            required=True,
            options=YES_NO_PREFER_NOT,
        ),
        QuestionSpec(
            "reported",
            "single_choice",
            t(
                "Did you report it to anyone?",
                "Bạn có báo cáo sự việc với ai không?",
                "您有向任何人舉報嗎？",
                "¿Lo denunció ante alguien?",
            ),
            options=(
                ("police", t("To the police", "Cho cảnh sát", "向警方", "A la policía")),
                (
                    "community_org",
                    t(
                        "To a community organisation",
                        "Cho một tổ chức cộng đồng",
                        "向社區組織",
                        "A una organización comunitaria",
                    ),
                ),
                ("both", t("To both", "Cho cả hai", "兩者皆有", "A ambos")),
                ("no", t("No, to no one", "Không, không báo với ai", "沒有，沒有向任何人舉報", "No, a nadie")),
            ),
            condition=("experienced", ("yes",)),
        ),
        QuestionSpec(
            "why_not",
            "multiple_choice",
            t(
                "Why did you not report it?",
                "Tại sao bạn không báo cáo?",
                "您為什麼沒有舉報？",
                "¿Por qué no lo denunció?",
            ),
            options=(
                (
                    "not_serious",
                    t(
                        "It did not seem serious enough",
                        "Có vẻ không đủ nghiêm trọng",
                        "感覺不夠嚴重",
                        "No parecía lo bastante grave",
                    ),
                ),
                (
                    "no_trust",
                    t(
                        "I did not think anything would be done",
                        "Tôi nghĩ sẽ không ai làm gì cả",
                        "我認為不會有任何處理",
                        "No creí que se fuera a hacer nada",
                    ),
                ),
                (
                    "language",
                    t(
                        "Language was a barrier",
                        "Ngôn ngữ là một rào cản",
                        "語言是一個障礙",
                        "El idioma fue un obstáculo",
                    ),
                ),
                (
                    "fear",
                    t(
                        "I was afraid of what might happen",
                        "Tôi sợ những gì có thể xảy ra",
                        "我害怕可能會發生的後果",
                        "Tenía miedo de lo que pudiera pasar",
                    ),
                ),
                (
                    "how",
                    t("I did not know how", "Tôi không biết cách báo cáo", "我不知道如何舉報", "No sabía cómo hacerlo"),
                ),
                ("other", t("Another reason", "Lý do khác", "其他原因", "Otro motivo")),
            ),
            condition=("reported", ("no",)),
        ),
        QuestionSpec(
            "trust",
            "matrix",
            t(
                "How much do you trust each of these to help if you experience a hate incident?",
                "Bạn tin tưởng đến mức nào rằng những người sau sẽ giúp đỡ nếu bạn gặp phải một vụ việc thù ghét?",
                "如果您遭遇仇恨事件，您有多信任以下各方會提供協助？",
                "Si sufriera un incidente de odio, ¿cuánto confía en que cada uno de estos le ayudaría?",
            ),
            options=(
                ("police", t("The police", "Cảnh sát", "警方", "La policía")),
                (
                    "community_orgs",
                    t(
                        "Community organisations",
                        "Các tổ chức cộng đồng",
                        "社區組織",
                        "Las organizaciones comunitarias",
                    ),
                ),
                ("neighbours", t("My neighbours", "Hàng xóm của tôi", "我的鄰居", "Mis vecinos")),
                ("local_government", t("Local government", "Chính quyền địa phương", "地方政府", "El gobierno local")),
            ),
            scale=(1, 4, NOT_AT_ALL, t("Completely", "Hoàn toàn tin tưởng", "完全信任", "Totalmente")),
        ),
        QuestionSpec(
            "safer",
            "multiple_choice",
            t(
                "What would make you feel safer?",
                "Điều gì sẽ giúp bạn cảm thấy an toàn hơn?",
                "什麼能讓您感到更安全？",
                "¿Qué le haría sentir más seguro?",
            ),
            options=(
                (
                    "lighting",
                    t("Better street lighting", "Đèn đường tốt hơn", "更好的街道照明", "Mejor alumbrado público"),
                ),
                (
                    "ambassadors",
                    t(
                        "Community ambassadors or volunteer patrols",
                        "Đại sứ cộng đồng hoặc tình nguyện viên tuần tra",
                        "社區大使或義工巡邏",
                        "Embajadores comunitarios o patrullas de voluntarios",
                    ),
                ),
                (
                    "multilingual_info",
                    t(
                        "Information in my language",
                        "Thông tin bằng ngôn ngữ của tôi",
                        "以我的語言提供的資訊",
                        "Información en mi idioma",
                    ),
                ),
                (
                    "police_presence",
                    t(
                        "More police presence",
                        "Thêm sự hiện diện của cảnh sát",
                        "更多警力巡邏",
                        "Más presencia policial",
                    ),
                ),
                (
                    "mental_health",
                    t("Mental-health support", "Hỗ trợ sức khỏe tâm thần", "心理健康支援", "Apoyo de salud mental"),
                ),
                (
                    "training",
                    t(
                        "Bystander training",
                        "Huấn luyện người chứng kiến",
                        "旁觀者介入培訓",
                        "Capacitación para testigos",
                    ),
                ),
            ),
        ),
        QuestionSpec(
            "ideas",
            "text",
            t(
                "Do you have other ideas to make your community safer?",
                "Bạn có ý tưởng nào khác để giúp cộng đồng của bạn an toàn hơn không?",
                "您還有其他讓社區更安全的想法嗎？",
                "¿Tiene otras ideas para que su comunidad sea más segura?",
            ),
        ),
    ),
)

EVENT_FEEDBACK = SurveyTemplate(
    code="event_feedback",
    name=_("Event feedback"),
    kind="event_feedback",
    title=t(
        "Tell us about the event",
        "Hãy cho chúng tôi biết cảm nhận của bạn về sự kiện",
        "請告訴我們您對活動的看法",
        "Cuéntenos qué le pareció el evento",
    ),
    intro=t(
        "Thank you for coming. These few questions take two minutes and help us make the next event better.",
        "Cảm ơn bạn đã tham dự. Vài câu hỏi này chỉ mất hai phút và giúp chúng tôi tổ chức sự kiện sau tốt hơn.",
        "感謝您的參與。以下幾個問題只需兩分鐘，能幫助我們把下一次活動辦得更好。",
        "Gracias por venir. Estas pocas preguntas toman dos minutos y nos ayudan a mejorar el próximo evento.",
    ),
    thanks=THANKS,
    one_response_per_person=True,
    questions=(
        QuestionSpec(
            "overall",
            "scale",
            t(
                "Overall, how satisfied were you with the event?",
                "Nhìn chung, bạn hài lòng với sự kiện đến mức nào?",
                "整體而言，您對這次活動的滿意程度如何？",
                "En general, ¿qué tan satisfecho quedó con el evento?",
            ),
            required=True,
            scale=(
                1,
                5,
                t("Very dissatisfied", "Rất không hài lòng", "非常不滿意", "Muy insatisfecho"),
                t("Very satisfied", "Rất hài lòng", "非常滿意", "Muy satisfecho"),
            ),
        ),
        QuestionSpec(
            "useful",
            "scale",
            t(
                "How useful was the information for you?",
                "Thông tin được chia sẻ hữu ích với bạn đến mức nào?",
                "活動提供的資訊對您有多大幫助？",
                "¿Qué tan útil le resultó la información?",
            ),
            scale=(
                1,
                5,
                t("Not useful", "Không hữu ích", "沒有幫助", "Nada útil"),
                t("Very useful", "Rất hữu ích", "非常有幫助", "Muy útil"),
            ),
        ),
        QuestionSpec(
            "language_access",
            "single_choice",
            t(
                "Could you follow the event in a language you understand well?",
                "Bạn có thể theo dõi sự kiện bằng một ngôn ngữ mà bạn hiểu rõ không?",
                "您能否以自己熟悉的語言理解活動內容？",
                "¿Pudo seguir el evento en un idioma que entiende bien?",
            ),
            options=(
                ("yes", t("Yes", "Có", "可以", "Sí")),
                ("partly", t("Partly", "Một phần", "部分可以", "En parte")),
                ("no", t("No", "Không", "不可以", "No")),
            ),
        ),
        QuestionSpec(
            "recommend",
            "single_choice",
            t(
                "Would you recommend this event to a friend?",
                "Bạn có giới thiệu sự kiện này cho bạn bè không?",
                "您會向朋友推薦這個活動嗎？",
                "¿Recomendaría este evento a un amigo?",
            ),
            options=(
                ("yes", t("Yes", "Có", "會", "Sí")),
                ("maybe", t("Maybe", "Có thể", "也許", "Tal vez")),
                ("no", t("No", "Không", "不會", "No")),
            ),
        ),
        QuestionSpec(
            "topics",
            "multiple_choice",
            t(
                "Which topics would you like future events to cover?",
                "Bạn muốn các sự kiện sau đề cập đến những chủ đề nào?",
                "您希望日後的活動涵蓋哪些主題？",
                "¿Qué temas le gustaría que trataran los próximos eventos?",
            ),
            options=(
                ("rights", t("Know your rights", "Hiểu biết quyền của bạn", "認識您的權利", "Conozca sus derechos")),
                (
                    "bystander",
                    t("Bystander intervention", "Can thiệp khi chứng kiến", "旁觀者介入", "Intervención de testigos"),
                ),
                ("self_protection", t("Self-protection", "Tự bảo vệ", "自我保護", "Autoprotección")),
                (
                    "reporting",
                    t("Reporting hate", "Báo cáo hành vi thù ghét", "舉報仇恨事件", "Cómo denunciar el odio"),
                ),
                ("mental_health", t("Mental health", "Sức khỏe tâm thần", "心理健康", "Salud mental")),
                ("children", t("Talking to children", "Trò chuyện với trẻ em", "與孩子溝通", "Hablar con los niños")),
            ),
        ),
        QuestionSpec(
            "comments",
            "text",
            t(
                "What could we do better next time?",
                "Lần sau chúng tôi có thể làm gì tốt hơn?",
                "下次我們可以在哪些方面做得更好？",
                "¿Qué podríamos hacer mejor la próxima vez?",
            ),
        ),
    ),
)

SURVEY_TEMPLATES: dict[str, SurveyTemplate] = {
    template.code: template for template in (NEEDS_ASSESSMENT, PRE_POST, PUBLIC_SAFETY, EVENT_FEEDBACK)
}
