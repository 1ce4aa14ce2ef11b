"""Staff know which interpreter to call: the description's language is recognised."""

from __future__ import annotations

import pytest

from safecommunity.core.language_detection import detect_language

SAMPLES = {
    "en": "A man followed me off the bus and kept shouting that I brought the virus here.",
    "es": "Un hombre me gritó insultos racistas en la parada del autobús y me empujó.",
    "fr": "Un homme m'a insultée dans le métro et m'a dit de retourner dans mon pays.",
    "vi": "Một người đàn ông đã chửi mẹ tôi ở chợ và bảo bà cút về nước.",
    "tl": "Sinigawan ako ng isang lalaki sa tindahan at sinabing umuwi na ako sa bansa ko.",
    "hmn": "Muaj ib tug txiv neej tuaj hais lus phem rau kuv niam hauv lub khw thiab nws ntaus kuv.",
    "zh-hans": "一个男人在公交车上对我奶奶大喊大叫，让她滚回中国。",
    "zh-hant": "一個男人在公車上對我奶奶大喊大叫，說她應該滾回國。",
    "ja": "電車の中で男性に「国に帰れ」と怒鳴られました。",
    "ko": "버스에서 어떤 남자가 우리 할머니에게 소리를 지르고 밀었습니다.",
    "ar": "صرخ رجل في وجهي في الحافلة وقال لي ارجعي إلى بلدك.",
    "pa": "ਇੱਕ ਆਦਮੀ ਨੇ ਬੱਸ ਵਿੱਚ ਮੇਰੇ ਪਿਤਾ ਜੀ ਨੂੰ ਗਾਲ੍ਹਾਂ ਕੱਢੀਆਂ ਅਤੇ ਧੱਕਾ ਦਿੱਤਾ।",
}


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_a_description_in_each_form_language_is_recognised(language: str) -> None:
    assert detect_language(SAMPLES[language]) == language


def test_too_little_text_is_left_unknown_rather_than_guessed() -> None:
    assert detect_language("ok") == ""
    assert detect_language("12345 !!!") == ""
