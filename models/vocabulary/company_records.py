"""The company's own record (`CompanySettings`): its particulars, printed on every paper
(name, address, bank account, who answers questions), how its papers look and read, and
the office's rules (the aging edges, the tail cut a settled payment may leave, the
reminder wording). Money is integer fen.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.vocabulary.money import Fen


@dataclass(frozen=True)
class CompanySettings:
    name: str = ""
    address: str = ""
    phone: str = ""
    bank_account: str = ""
    currency_symbol: str = "¥"
    aging_edges: tuple[int, ...] = (30, 60, 90)
    doc_language: str = "zh"
    paper_size: str = "A4"
    pdf_font_path: str = ""
    tail_cut_limit: Fen = 500  # a settled payment this far under what was due: offer 抹零
    reminder_promise: str = ""  # reminder templates; "" is the built-in wording
    reminder_overdue: str = ""
    binding_margin: bool = True  # ≥ 20 mm on the binding side for hole punching
    account_holder: str = ""  # 户名, printed beside the bank account
    reply_days: int = 7  # the confirmation slip: reply within N days or it stands
    contact_name: str = ""  # who answers questions about a statement
    contact_phone: str = ""  # their phone (default: the company's)
    payment_qr: bytes = b""  # the company's own WeChat Pay / Alipay receiving QR image
    credit_code: str = ""  # 统一社会信用代码, printed on the IOU note as the creditor's
    # "No reply by the date counts as confirmed" on the slip: only for offices whose
    # customers agreed to it (Civil Code art. 140: silence binds only by law, agreement
    # or trading habit), so off by default.
    silence_confirms: bool = False
    iou_default_clause: bool = False  # the IOU's clause on late payment (违约责任)
    iou_clause_text: str = ""  # its wording; "" is the built-in wording
