"""Users, cases (ärenden), case assignments and persons in a case."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UTCDateTime, new_id, utcnow
from models.records import CaseRecord, PersonRecord

ROLES = ("caseworker", "supervisor", "admin")
PERSON_ROLES = ("child", "guardian", "other")
CASE_STATUSES = ("open", "closed")
RETENTION_CLASSES = ("standard", "keep")  # keep: placement/paternity/adoption, never culled


class User(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Case(Base):
    __tablename__ = "cases"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    case_number: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(16), default="open")
    retention_class: Mapped[str] = mapped_column(String(16), default="standard")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    persons: Mapped[list[Person]] = relationship(
        back_populates="case", order_by="Person.position"
    )

    def to_record(self) -> CaseRecord:
        return CaseRecord(
            id=self.id, case_number=self.case_number, title=self.title, status=self.status,
            retention_class=self.retention_class, created_at=self.created_at,
            created_by=self.created_by, closed_at=self.closed_at,
        )


class CaseAssignment(Base):
    __tablename__ = "case_assignments"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), primary_key=True, index=True)


class Person(Base):
    __tablename__ = "persons"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    role: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    personnummer: Mapped[str | None] = mapped_column(String(13), nullable=True)
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    # Set when the person is taken off the case; the row stays so that visits, consents and
    # reviews that name them stay readable (and a server learns of the removal).
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    case: Mapped[Case] = relationship(back_populates="persons")

    def to_record(self) -> PersonRecord:
        return PersonRecord(
            id=self.id, case_id=self.case_id, position=self.position, role=self.role,
            name=self.name, personnummer=self.personnummer, birth_date=self.birth_date,
            note=self.note, removed_at=self.removed_at,
        )
