"""Accounts an organisation runs: list, add, deactivate (key removed), reset, unlock, change
one's own password; every action and every refusal is audited."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sqlalchemy import select

from app import accounts, user_admin
from app.context import Context
from app.errors import AuthenticationError, NotFound, PermissionDenied, ValidationError
from app.keys import FAST_TEST_KDF, KeyFile
from app.store import Store
from models.audit import AuditEvent
from tests.support.store import (
    ADMIN,
    ADMIN_PASSWORD,
    CASEWORKER,
    CASEWORKER_PASSWORD,
    SUPERVISOR,
)

Login = Callable[[str, str], Context]


def _actions(ctx: Context) -> list[tuple[str, str, str]]:
    """(username, action, the ``action`` a denial names) of every event, in order."""
    with ctx.uow() as uow:
        return [(e.username, e.action, str(e.details.get("action", ""))) for e in
                uow.session.scalars(select(AuditEvent).order_by(AuditEvent.seq))]


def test_the_admin_lists_accounts_with_role_and_status(admin: Context, caseworker: Context,
                                                       supervisor: Context) -> None:
    rows = {a.username: a for a in user_admin.list_accounts(admin)}
    assert {n: (a.role, a.active, a.locked, a.has_key) for n, a in rows.items()} == {
        ADMIN: ("admin", True, False, True),
        CASEWORKER: ("caseworker", True, False, True),
        SUPERVISOR: ("supervisor", True, False, True)}
    assert (ADMIN, "user.list", "") in _actions(admin)


@pytest.mark.parametrize("who", ["caseworker", "supervisor"])
def test_only_an_admin_runs_accounts_and_every_refusal_is_audited(
    who: str, request: pytest.FixtureRequest
) -> None:
    ctx: Context = request.getfixturevalue(who)
    attempts: list[tuple[str, Callable[[], object]]] = [
        ("user.list", lambda: user_admin.list_accounts(ctx)),
        ("user.add", lambda: accounts.add_user(ctx, "eva", "Eva", "admin", "evas-lösenord")),
        ("user.deactivate", lambda: user_admin.deactivate_user(ctx, ADMIN)),
        ("user.password_reset", lambda: user_admin.reset_password(ctx, ADMIN, "tagen-över-1")),
        ("user.unlock", lambda: user_admin.unlock_user(ctx, ADMIN)),
    ]
    for _, attempt in attempts:
        with pytest.raises(PermissionDenied):
            attempt()
    denied = [a for u, action, a in _actions(ctx) if action == "access.denied"
              and u == ctx.actor.username]
    assert denied == [name for name, _ in attempts]
    assert "eva" not in KeyFile(ctx.paths.keyfile).usernames()
    still = accounts.login(ctx.paths, ADMIN, ADMIN_PASSWORD, kdf=FAST_TEST_KDF)
    assert still.actor.role == "admin"  # no refused attempt changed the admin account
    still.close()


def test_deactivating_removes_the_key_and_the_password_opens_nothing(
    admin: Context, caseworker: Context, login: Login
) -> None:
    old_keys = json.loads(admin.paths.keyfile.read_text(encoding="utf-8"))
    caseworker.close()
    info = user_admin.deactivate_user(admin, CASEWORKER)
    assert (info.active, info.has_key) == (False, False)
    assert CASEWORKER not in KeyFile(admin.paths.keyfile).usernames()
    with pytest.raises(AuthenticationError):
        accounts.login(admin.paths, CASEWORKER, CASEWORKER_PASSWORD, kdf=FAST_TEST_KDF)
    with pytest.raises(AuthenticationError):
        KeyFile(admin.paths.keyfile).unwrap(CASEWORKER, CASEWORKER_PASSWORD)
    actions = [a for _, a, _ in _actions(admin)]
    assert actions[-3:] == ["user.deactivate", "store.rekey", "user.key_removed"]
    assert old_keys["users"].keys() - {CASEWORKER} == set(
        json.loads(admin.paths.keyfile.read_text(encoding="utf-8"))["users"])
    assert login(ADMIN, ADMIN_PASSWORD).actor.username == ADMIN  # the others still log in


def test_a_saved_copy_of_a_removed_users_key_opens_nothing_new(
    admin: Context, caseworker: Context, tmp_path: object
) -> None:
    copy = admin.paths.root / "keys-copy.json"
    copy.write_bytes(admin.paths.keyfile.read_bytes())
    caseworker.close()
    user_admin.deactivate_user(admin, CASEWORKER)
    old_key = KeyFile(copy, FAST_TEST_KDF).unwrap(CASEWORKER, CASEWORKER_PASSWORD)
    admin.close()
    with pytest.raises(Exception):  # noqa: B017, PT011 - any refusal will do
        Store.open(admin.paths.database, old_key).close()


def test_deactivation_refuses_oneself_twice_and_unknown_names(
    admin: Context, caseworker: Context
) -> None:
    with pytest.raises(ValidationError, match="ditt eget"):
        user_admin.deactivate_user(admin, ADMIN)
    with pytest.raises(NotFound):
        user_admin.deactivate_user(admin, "finns-inte")
    user_admin.deactivate_user(admin, CASEWORKER)
    with pytest.raises(ValidationError, match="redan avstängt"):
        user_admin.deactivate_user(admin, CASEWORKER)
    with pytest.raises(ValidationError, match="avstängt"):
        user_admin.reset_password(admin, CASEWORKER, "nytt-lösenord-1")


def test_a_reset_password_replaces_the_old_one(admin: Context, caseworker: Context,
                                               login: Login) -> None:
    caseworker.close()
    with pytest.raises(ValidationError):
        user_admin.reset_password(admin, CASEWORKER, "kort")
    user_admin.reset_password(admin, CASEWORKER, "glömt-och-nytt-1")
    with pytest.raises(AuthenticationError):
        accounts.login(admin.paths, CASEWORKER, CASEWORKER_PASSWORD, kdf=FAST_TEST_KDF)
    again = login(CASEWORKER, "glömt-och-nytt-1")
    assert again.data_key == admin.data_key
    assert ("admin", "user.password_reset", "") in _actions(admin)


def test_everyone_changes_their_own_password_and_a_wrong_old_one_is_audited(
    caseworker: Context, login: Login
) -> None:
    with pytest.raises(AuthenticationError, match="nuvarande"):
        accounts.change_password(caseworker, "gissat", "ett-nytt-lösenord-1")
    accounts.change_password(caseworker, CASEWORKER_PASSWORD, "ett-nytt-lösenord-1")
    actions = [(u, a) for u, a, _ in _actions(caseworker)]
    assert actions[-2:] == [(CASEWORKER, "login.failed"), (CASEWORKER, "user.password")]
    assert login(CASEWORKER, "ett-nytt-lösenord-1").actor.username == CASEWORKER
