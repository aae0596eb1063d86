"""Who held which post, from when to when: moving an officer keeps the history (issue 4)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base
from desktop.models.registers import Post, Staff

_OPEN = text("end_date IS NULL")


class PostIncumbency(Base):
    """One officer in one post over a period; ``end`` is None while the officer holds it.

    ``Post.incumbent_id`` names the current holder too (what the registers show); the open
    row here always agrees with it. The partial unique indexes let the database itself refuse
    two holders of one post, or one officer in two posts, even from two PCs at once.
    """

    __tablename__ = "post_incumbency"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_in_order"),
        Index("uq_post_incumbency_open_post", "post_id", unique=True,
              sqlite_where=_OPEN, postgresql_where=_OPEN),
        Index("uq_post_incumbency_open_staff", "staff_id", unique=True,
              sqlite_where=_OPEN, postgresql_where=_OPEN),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    # "start"/"end" in Python; *_date in SQL, where END is a reserved word.
    start: Mapped[date] = mapped_column("start_date", Date)
    end: Mapped[date | None] = mapped_column("end_date", Date)
    note: Mapped[str] = mapped_column(String(500), default="")

    post: Mapped[Post] = relationship()
    staff: Mapped[Staff] = relationship()
