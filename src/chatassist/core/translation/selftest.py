"""``packs selftest``: a fixed battery of chat texts through every installed pack,
and what became of each protected token.

Each case is a sentence in the pack's source language carrying tokens a reply
must keep exactly (order numbers, amounts, dates, URLs, e-mails, tracking codes,
placeholders, emoji, do-not-translate terms), plus multi-sentence text and texts
with CJK, Thai and Arabic punctuation. Per case the result is

- ``kept``: every token came through the model in place, untouched;
- ``repaired``: the model altered or lost a sentinel and the pipeline put the
  token back in place (repaired in place, or the sentence translated again in
  segments around the tokens);
- ``reported``: a token could only be appended at the end of the text, where the
  agent is told to check it;
- ``lost``: a token is missing from the output (a bug: never expected).

What it proves depends on the packs: with real packs, how each model treats the
tokens; with the tiny random packs of the tests, only the pipeline's guarantee
that nothing is lost silently. The texts are short carriers for the tokens, not a
measure of translation quality.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from chatassist.core.translation.codes import customer_code
from chatassist.core.translation.model import InstalledPack, Translation

KEPT, REPAIRED, REPORTED, LOST = "kept", "repaired", "reported", "lost"
RESULTS = (KEPT, REPAIRED, REPORTED, LOST)
_SEVERITY = {result: rank for rank, result in enumerate(RESULTS)}

#: "Your order @@ has shipped." per customer language; @@ takes the tokens.
_CARRIER: dict[str, str] = {
    "en": "Your order @@ has shipped.",
    "es": "Su pedido @@ ha sido enviado.",
    "pt": "O seu pedido @@ foi enviado.",
    "de": "Ihre Bestellung @@ wurde versandt.",
    "fr": "Votre commande @@ a été expédiée.",
    "it": "Il suo ordine @@ è stato spedito.",
    "nl": "Uw bestelling @@ is verzonden.",
    "pl": "Twoje zamówienie @@ zostało wysłane.",
    "tr": "Siparişiniz @@ kargoya verildi.",
    "ru": "Ваш заказ @@ отправлен.",
    "ar": "تم شحن طلبك @@.",
    "ja": "ご注文 @@ は発送されました。",
    "ko": "주문하신 @@ 상품이 발송되었습니다.",
    "zh-Hans": "您的订单 @@ 已发货。",
    "zh-Hant": "您的訂單 @@ 已出貨。",
    "th": "คำสั่งซื้อ @@ ของคุณจัดส่งแล้ว",
    "vi": "Đơn hàng @@ của bạn đã được gửi đi.",
    "id": "Pesanan Anda @@ sudah dikirim.",
    "ms": "Pesanan anda @@ telah dihantar.",
    "tl": "Naipadala na ang iyong order na @@.",
}
#: "Thank you for waiting." per customer language (the multi-sentence case).
_THANKS: dict[str, str] = {
    "en": "Thank you for waiting.",
    "es": "Gracias por esperar.",
    "pt": "Obrigado pela espera.",
    "de": "Danke für Ihre Geduld.",
    "fr": "Merci de votre patience.",
    "it": "Grazie per l'attesa.",
    "nl": "Bedankt voor het wachten.",
    "pl": "Dziękujemy za cierpliwość.",
    "tr": "Beklediğiniz için teşekkürler.",
    "ru": "Спасибо за ожидание.",
    "ar": "شكرًا على انتظارك.",
    "ja": "お待たせいたしました。",
    "ko": "기다려 주셔서 감사합니다.",
    "zh-Hans": "感谢您的耐心等待。",
    "zh-Hant": "感謝您的耐心等候。",
    "th": "ขอบคุณที่รอค่ะ",
    "vi": "Cảm ơn bạn đã chờ đợi.",
    "id": "Terima kasih sudah menunggu.",
    "ms": "Terima kasih kerana menunggu.",
    "tl": "Salamat sa paghihintay.",
}


@dataclass(frozen=True)
class Case:
    """One text of the battery: ``text`` (``@@`` = the carrier sentence of the
    source language around ``slot``) and the tokens that must come out exactly."""

    name: str
    tokens: tuple[str, ...]
    slot: str = ""
    text: str = "@@"
    glossary: tuple[str, ...] = ()

    def source_text(self, language: str) -> str:
        carrier = _CARRIER.get(language, _CARRIER["en"]).replace("@@", self.slot)
        thanks = _THANKS.get(language, _THANKS["en"])
        return self.text.replace("@@", carrier).replace("{thanks}", thanks)


BATTERY: tuple[Case, ...] = (
    Case("order_number", ("#48213",), "#48213"),
    Case("amount_with_currency", ("€1.234,50", "US$25.99"), "€1.234,50 (US$25.99)"),
    Case("date", ("2026-11-28", "28/11/2026"), "2026-11-28 (28/11/2026)"),
    Case(
        "url",
        ("https://shop.example.com/track/c_d?id=A-9",),
        "https://shop.example.com/track/c_d?id=A-9",
    ),
    Case("email", ("help_desk@shop-example.com",), "help_desk@shop-example.com"),
    Case(
        "tracking_code", ("1Z999AA10123456784", "SF1234567890"), "1Z999AA10123456784 / SF1234567890"
    ),
    Case("placeholder", ("{customer_name}", "{{order_id}}"), "{customer_name} {{order_id}}"),
    Case("emoji", ("🙏", "😊", "👍🏽"), "🙏 😊 👍🏽"),
    Case(
        "do_not_translate",
        ("ShopPay", "Rakuten"),
        "ShopPay Rakuten",
        glossary=("ShopPay", "Rakuten"),
    ),
    Case("version_number", ("0.85.3-x", "v2.4.1"), "0.85.3-x / v2.4.1"),
    Case(
        "multi_sentence",
        ("#48213", "SF1234567890"),
        "#48213",
        "{thanks} @@ SF1234567890 ✔",
    ),
    Case(
        "cjk_punctuation", ("SF1234567890", "¥300"), text="订单SF1234567890已发货，运费¥300。谢谢！"
    ),
    Case("thai_text", ("#48213", "฿450"), text="คำสั่งซื้อ #48213 ของคุณจัดส่งแล้ว ค่าส่ง ฿450 ขอบคุณค่ะ"),
    Case(
        "arabic_punctuation",
        ("#48213", "https://shop.example.com/t"),
        text="تم شحن طلبك #48213، شكرًا لك؛ الرابط: https://shop.example.com/t؟",
    ),
)


@dataclass(frozen=True)
class CaseResult:
    case: str
    result: str
    source_text: str
    output: str
    #: Tokens missing from the output (``lost``), appended at the end (``reported``)
    #: or put back by the pipeline (``repaired``).
    detail: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "case": self.case,
            "result": self.result,
            "text": self.source_text,
            "output": self.output,
            "detail": list(self.detail),
        }


@dataclass(frozen=True)
class PackResult:
    pack: InstalledPack
    cases: tuple[CaseResult, ...]

    @property
    def pair(self) -> str:
        return f"{self.pack.from_code}-{self.pack.to_code}"

    def count(self, result: str) -> int:
        return sum(1 for c in self.cases if c.result == result)

    @property
    def worst(self) -> str:
        return max((c.result for c in self.cases), key=_SEVERITY.__getitem__, default=KEPT)

    def to_dict(self) -> dict[str, Any]:
        return {
            "pair": self.pair,
            "pack": self.pack.name,
            "version": self.pack.version,
            "cases": [c.to_dict() for c in self.cases],
            "summary": {r: self.count(r) for r in _SEVERITY},
        }


@dataclass(frozen=True)
class SelftestReport:
    packs: tuple[PackResult, ...]

    @property
    def lost(self) -> int:
        return sum(p.count(LOST) for p in self.packs)

    def to_dict(self) -> dict[str, Any]:
        return {"packs": [p.to_dict() for p in self.packs]}


def judge(case: Case, translation: Translation) -> CaseResult:
    """What became of ``case``'s tokens in ``translation`` (from its source text)."""
    source = case.source_text(translation.source)
    output, report = translation.text, translation.protected
    lost = tuple(t for t in case.tokens if output.count(t) < source.count(t))
    expected = set(case.tokens)
    appended = tuple(t for t in report.appended if t in expected)
    fixed = tuple(t for t in (*report.repaired, *report.segmented) if t in expected)
    if lost:
        result, detail = LOST, lost
    elif appended:
        result, detail = REPORTED, appended
    elif fixed:
        result, detail = REPAIRED, tuple(dict.fromkeys(fixed))
    else:
        result, detail = KEPT, ()
    return CaseResult(case.name, result, source, output, detail)


Translate = Callable[[str, str, str, Sequence[str]], Translation]


def run_pack(
    translate: Translate, pack: InstalledPack, battery: Sequence[Case] = BATTERY
) -> PackResult:
    """Run the battery through one pack. ``translate(text, source, target, glossary)``
    must use that pack alone, uncached (``TranslationService.isolated``)."""
    source = customer_code(pack.from_code) or pack.from_code
    target = customer_code(pack.to_code) or pack.to_code
    results = []
    for case in battery:
        translation = translate(case.source_text(source), source, target, case.glossary)
        results.append(judge(case, translation))
    return PackResult(pack, tuple(results))


class _Isolating(Protocol):
    def isolated(self, packs: Sequence[InstalledPack]) -> Any: ...


def run_packs(service: _Isolating, packs: Sequence[InstalledPack]) -> SelftestReport:
    """The battery through each of ``packs`` alone and uncached (slow with real
    packs, a few seconds each: call it from a worker)."""
    results = []
    for pack in packs:
        alone = service.isolated([pack])

        def translate(
            text: str, source: str, target: str, glossary: Sequence[str], alone: Any = alone
        ) -> Translation:
            result: Translation = alone.translate(text, source, target, glossary=glossary)
            return result

        results.append(run_pack(translate, pack))
    return SelftestReport(tuple(results))
