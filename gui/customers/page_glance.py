"""The customer page's facts at a glance: contact, terms and limit; the balance, what is
overdue and broken promises; the next promise and the last visit; the balance by age.

A part of `CustomerPage` (gui/customers/page.py), which mixes it in and reads what it
shows (`customer`, `aging`, `broken`, `next_promise`, `last_visit`, `edges`). Its
texts keep the page's translation context ("CustomerPage").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QLabel

from gui import colours, formatting
from models.vocabulary.aging_records import bucket_labels


class PageGlance:
    """The facts grid and the status lines of `CustomerPage`."""

    # --- the widgets ---------------------------------------------------------------
    def _build_glance(self) -> None:
        # Facts at a glance: label / value pairs in a grid.
        self.facts = QGridLayout()
        self.fact_labels: dict[str, QLabel] = {}
        self.fact_values: dict[str, QLabel] = {}
        keys = ("contact", "phones", "address", "payer", "route", "terms", "limit", "notes")
        for i, key in enumerate(keys):
            label, value = QLabel(), QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(
                value.textInteractionFlags() | value.textInteractionFlags().TextSelectableByMouse
            )
            self.fact_labels[key], self.fact_values[key] = label, value
            row, col = divmod(i, 2)
            self.facts.addWidget(label, row, col * 2)
            self.facts.addWidget(value, row, col * 2 + 1)
        self.facts.setColumnStretch(1, 1)
        self.facts.setColumnStretch(3, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.glance = QLabel()  # the next promise and the last visit
        self.glance.setWordWrap(True)
        status_font = self.status.font()
        status_font.setPointSizeF(status_font.pointSizeF() * 1.15)
        self.status.setFont(status_font)
        # The open balance by age, in the buckets set under Settings → aging edges.
        self.aging_line = QLabel()
        self.aging_line.setWordWrap(True)
        # The last balance the customer signed for, and disputes still open.
        self.confirm_line = QLabel()
        self.confirm_line.setWordWrap(True)

    # --- showing the customer ------------------------------------------------------
    @property
    def balance(self) -> int:
        return self.aging.balance if self.aging else 0

    def _show_facts(self) -> None:
        c = self.customer
        if c is None:
            return
        self.title.setText(f"{c.name}  {colours.span(c.code, colours.muted(self.palette()))}")
        if c.archived:
            self.title.setText(
                self.title.text() + "  " + QCoreApplication.translate("CustomerPage", "(archived)")
            )
        route = " / ".join(part for part in (c.route_name, c.rep_name) if part)
        values = {
            "contact": c.contact,
            "phones": c.phones,
            "address": c.address,
            "payer": c.payer,
            "route": route,
            "terms": c.terms.label,
            "limit": formatting.money(c.credit_limit)
            if c.credit_limit is not None
            else QCoreApplication.translate("CustomerPage", "none agreed"),
            "notes": c.notes,
        }
        for key, value in values.items():
            self.fact_values[key].setText(value or "—")
        self._show_status()
        self._show_ledger_count()

    def _show_status(self) -> None:
        a, c = self.aging, self.customer
        if a is None or c is None:
            return
        red = colours.error(self.palette())
        parts = [
            QCoreApplication.translate("CustomerPage", "Balance <b>{amount}</b>").format(
                amount=formatting.balance(a.balance)
            )
        ]
        if a.overdue:
            overdue = QCoreApplication.translate("CustomerPage", "overdue <b>{amount}</b>").format(
                amount=formatting.money(a.overdue)
            )
            parts.append(colours.span(overdue, red))
        if a.oldest_open_days is not None:
            parts.append(
                QCoreApplication.translate("CustomerPage", "oldest open {days} days").format(
                    days=a.oldest_open_days
                )
            )
        if c.credit_limit is not None and a.balance > c.credit_limit:
            parts.append(
                colours.span(
                    QCoreApplication.translate("CustomerPage", "over the credit limit"), red
                )
            )
        if self.broken:
            broken = QCoreApplication.translate(
                "CustomerPage", "{n} broken promise(s) in 90 days"
            ).format(n=self.broken)
            parts.append(colours.span(broken, red))
        self.status.setText(" · ".join(parts))
        self.glance.setText(" · ".join(self._promise_and_visit()))
        self.glance.setVisible(bool(self.glance.text()))
        self._show_aging()
        self._show_confirmations()

    def _show_confirmations(self) -> None:
        """'Last confirmed ¥8,000.00 on DZ-000012 (2026-11-20) · Open dispute DZ-000015:
        the customer says ¥7,500.00 (difference -¥500.00), 少算退货, handled by 李娜'."""
        parts = []
        if self.confirmed is not None:
            ref = self.confirmed.statement
            parts.append(
                QCoreApplication.translate(
                    "CustomerPage", "Last confirmed <b>{amount}</b> on {number} ({date})"
                ).format(
                    amount=formatting.balance(ref.balance),
                    number=ref.number,
                    date=formatting.date(ref.period_to),
                )
            )
        red = colours.error(self.palette())
        for d in self.disputes:
            text = QCoreApplication.translate(
                "CustomerPage",
                "Open dispute {number}: the customer says <b>{theirs}</b> (difference {diff}), "
                "{reason}, handled by {handler}",
            ).format(
                number=d.statement.number,
                theirs=formatting.money(d.customer_amount),
                diff=formatting.money(d.difference),
                reason=d.reason,
                handler=d.handler or "—",
            )
            parts.append(colours.span(text, red))
        self.confirm_line.setText(" · ".join(parts))
        self.confirm_line.setVisible(bool(parts))

    def _promise_and_visit(self) -> list[str]:
        """'Next promise 1,200.00 on 2026-12-02 at 15:00 · last visit 2026-11-20:
        Not there (Boss not in)'."""
        parts = []
        p = self.next_promise
        if p is not None:
            parts.append(
                QCoreApplication.translate(
                    "CustomerPage", "Next promise <b>{amount}</b> on {date} at {time}"
                ).format(
                    amount=formatting.money(p.amount - p.paid),
                    date=formatting.date(p.due_at.date()),
                    time=p.due_at.strftime("%H:%M"),
                )
            )
        v = self.last_visit
        if v is not None:
            outcome = v.outcome.label
            if v.reason is not None:
                outcome = QCoreApplication.translate("CustomerPage", "{outcome} ({reason})").format(
                    outcome=outcome, reason=v.reason.label
                )
            parts.append(
                QCoreApplication.translate("CustomerPage", "last visit {date}: {outcome}").format(
                    date=formatting.date(v.at.date()), outcome=outcome
                )
            )
        return parts

    def _show_aging(self) -> None:
        """'By age (days): 0–30 1,000.00 · 31–60 — · >60 500.00'; hidden when nothing
        is open."""
        a = self.aging
        if a is None or not any(a.buckets):
            self.aging_line.hide()
            return
        buckets = [
            f"{label} <b>{formatting.money(fen)}</b>"
            if fen
            else colours.span(f"{label} —", colours.muted(self.palette()))
            for label, fen in zip(bucket_labels(self.edges), a.buckets, strict=False)
        ]
        self.aging_line.setText(
            QCoreApplication.translate("CustomerPage", "By age (days): {buckets}").format(
                buckets=" · ".join(buckets)
            )
        )
        self.aging_line.show()

    # --- language ----------------------------------------------------------------
    def _retranslate_glance(self) -> None:
        labels = {
            "contact": QCoreApplication.translate("CustomerPage", "Contact:"),
            "phones": QCoreApplication.translate("CustomerPage", "Phones:"),
            "address": QCoreApplication.translate("CustomerPage", "Address:"),
            "payer": QCoreApplication.translate("CustomerPage", "Pays when the boss is out:"),
            "route": QCoreApplication.translate("CustomerPage", "Route / rep:"),
            "terms": QCoreApplication.translate("CustomerPage", "Terms:"),
            "limit": QCoreApplication.translate("CustomerPage", "Credit limit:"),
            "notes": QCoreApplication.translate("CustomerPage", "Notes:"),
        }
        for key, text in labels.items():
            self.fact_labels[key].setText(text)
