#!/bin/sh
# t1000-user.sh: okrdesk user and okrdesk token: the first admin and its
# generated password, every subcommand, bad values naming their field,
# passwords and tokens never in history, a team or person a user is
# linked to kept, and a schema 2 workspace migrated with its rows intact.
. "$(dirname "$0")/lib.sh"

j() { printf '%s' "$out" | jq -r "$1"; }
db() { sql "$1"; }

{
	okrdesk init &&
	okrdesk team add Support &&
	okrdesk team add "Tier 1" --parent Support &&
	okrdesk person add Ana --team "Tier 1"
} >/dev/null || { echo "Bail out! setup failed"; exit 1; }

# --- the first admin -------------------------------------------------------

fails 2 "the first user must be an admin" okrdesk user add bob
contains "... naming the field" "$err" "role: the first user must be an admin"
ok "user add LOGIN --role admin with no user yet" \
    okrdesk user add root --role admin
contains "... prints a generated password" "$out" "password for root: "
pw=$(printf '%s\n' "$out" | sed -n 's/^password for root: //p')
same "... of 22 base64url characters" \
    "$(printf '%s' "$pw" | tr -cd 'A-Za-z0-9_-' | wc -c | tr -d ' ')" 22
contains "... and says it added the user" "$out" "added user root"
same "... stored as an argon2id hash" \
    "$(db "SELECT substr(password_hash, 1, 10) FROM users WHERE login = 'root'")" \
    '$argon2id$'
same "... never the password itself" \
    "$(db "SELECT count(*) FROM users WHERE password_hash LIKE '%$pw%'")" 0

# --- add -------------------------------------------------------------------

ok "user add --password-stdin reads the password" sh -c \
    'printf "a long secret\n" | "$OKRDESK" user add ana --role member \
    --team "Tier 1" --person Ana --lang ro --name "Ana Pop" \
    --password-stdin --json'
same "... and --json prints the user" \
    "$(j '[.login, .name, .role, .team, .person, .lang, .disabled] | join(",")')" \
    "ana,Ana Pop,member,Tier 1,Ana,ro,no"
same "... with no password in it (none was generated)" "$(j .password)" null
ok "a lead with their team" sh -c \
    'echo "lead password" | "$OKRDESK" user add lea --role lead --team Support --password-stdin'
ok "user add of a viewer prints its generated password in --json" \
    okrdesk user add vic --role viewer --json
same "... as a member of the document" \
    "$(j '.password | length')" 22

fails 2 "a password shorter than 10 characters" sh -c \
    'echo short | "$OKRDESK" user add x --password-stdin'
contains "... names the field and the rule" "$err" \
    "password: at least 10 characters, got 5"
fails 2 "an empty --password-stdin" sh -c \
    '"$OKRDESK" user add x --password-stdin </dev/null'
contains "... says so" "$err" "password: --password-stdin read no password"
fails 2 "a login that is not a key" okrdesk user add "Bad Login"
contains "... names the field" "$err" "login"
fails 1 "a taken login" okrdesk user add root --role admin
contains "... names it" "$err" '"root" already exists'
fails 2 "an unknown role" okrdesk user add x --role boss
contains "... lists the roles" "$err" \
    'role: expected one of viewer, member, lead, admin, got "boss"'
fails 2 "a lead without a team" okrdesk user add x --role lead
contains "... says the team is needed" "$err" "team: a lead needs the team"
fails 1 "an unknown team" okrdesk user add x --team Nowhere
contains "... names it" "$err" 'no team named "Nowhere"'
fails 2 "a language other than en or ro" okrdesk user add x --lang fr
contains "... names field and value" "$err" 'lang: expected one of en, ro, got "fr"'
fails 2 "a password on the command line is no option" \
    okrdesk user add x --password hunter2hunter2
same "failed adds added no one" "$(db 'SELECT count(*) FROM users')" 4

# --- list, show, edit ------------------------------------------------------

ok "user list" okrdesk user list
contains "... shows a table" "$out" "login"
contains "... with each user" "$out" "lea"
ok "user list --json" okrdesk user list --json
same "... every user in creation order" "$(j '[.[].login] | join(",")')" \
    "root,ana,lea,vic"
same "... with the creation time" "$(j '.[0].created_at')" \
    "2026-10-29T10:00:00Z"
same "... and no password or hash anywhere" \
    "$(printf '%s' "$out" | grep -c 'argon2')" 0
ok "user show" okrdesk user show ana
contains "... lists the fields" "$out" "person       Ana"
ok "user edit changes the role" okrdesk user edit vic --role member
same "... stored" "$(okrdesk user show vic --json | jq -r .role)" member
ok "user edit --unset lang" okrdesk user edit ana --unset lang
same "... cleared" "$(okrdesk user show ana --json | jq -r .lang)" null
ok "user edit disables a user" okrdesk user edit vic --disabled yes
fails 2 "user edit refuses --password-stdin" okrdesk user edit vic \
    --password-stdin
fails 1 "user edit of an unknown login" okrdesk user edit nobody --role admin
contains "... names it" "$err" 'no user with login "nobody"'
fails 1 "the last admin cannot be demoted" okrdesk user edit root --role viewer
contains "... and says why" "$err" "last enabled admin"

# --- passwd ------------------------------------------------------------------

h0=$(db "SELECT password_hash FROM users WHERE login = 'ana'")
ok "user passwd --password-stdin" sh -c \
    'echo "a new long secret" | "$OKRDESK" user passwd ana --password-stdin'
contains "... says so" "$out" "changed the password of ana"
same "... a new hash" \
    "$(db "SELECT CASE WHEN password_hash = '$h0' THEN 1 ELSE 0 END FROM users WHERE login = 'ana'")" 0
ok "user passwd without a terminal generates one" sh -c \
    '"$OKRDESK" user passwd lea </dev/null'
contains "... and prints it once" "$out" "password for lea: "
fails 1 "user passwd of an unknown login" sh -c \
    'echo "a new long secret" | "$OKRDESK" user passwd nobody --password-stdin'
contains "... names it" "$err" 'no user with login "nobody"'
fails 2 "user passwd with a short password" sh -c \
    'echo short | "$OKRDESK" user passwd ana --password-stdin'

# --- tokens ------------------------------------------------------------------

ok "token add prints a token" okrdesk token add "zendesk hook" --user lea
tok=$(printf '%s\n' "$out" | head -n 1)
same "... okd_ and 43 base64url characters" \
    "$(printf '%s' "$tok" | grep -cE '^okd_[A-Za-z0-9_-]{43}$')" 1
same "... stored as its hash only" \
    "$(db "SELECT count(*) FROM api_token WHERE hash = '$tok'")" 0
fails 2 "a role above the user's" okrdesk token add ci --user lea --role admin
contains "... is refused naming the field" "$err" \
    'role: a token of "lea" may act as lead at most, not "admin"'
fails 2 "an unknown role" okrdesk token add ci --user lea --role boss
contains "... names it" "$err" 'got "boss"'
fails 1 "an unknown user" okrdesk token add ci --user nobody
contains "... names the field" "$err" 'user: no user with login "nobody"'
fails 2 "token add without --user" okrdesk token add ci
ok "token add --json" okrdesk token add reports --user ana --role viewer --json
same "... names the role" "$(j .role)" viewer
ok "token list --json" okrdesk token list --json
same "... both tokens, live" \
    "$(j '[.[] | .name + ":" + .user + ":" + .role + ":" + (.revoked_at // "live")] | join(",")')" \
    "zendesk hook:lea:lead:live,reports:ana:viewer:live"
ok "token rm revokes" okrdesk token rm 1
ok "token list shows it revoked" okrdesk token list
contains "... in the table" "$out" "2026-10-29"
same "... with its time" "$(okrdesk token list --json | jq -r '.[0].revoked_at')" \
    "2026-10-29T10:00:00Z"
fails 1 "token rm of a revoked token" okrdesk token rm 1
contains "... says no live token" "$err" "no live API token with id 1"
fails 2 "token rm of a non-number" okrdesk token rm abc
contains "... names the field" "$err" 'id: expected a whole number, got "abc"'

# --- history -----------------------------------------------------------------

ok "history --json" okrdesk history --limit 0 --json
same "user changes are in history" \
    "$(j '[.[] | select(.entity == "user" and .label == "vic") | .field] | sort | unique | join(",")')" \
    "disabled,login,role"
same "a password change is recorded as a fact" \
    "$(j '[.[] | select(.entity == "user" and .field == "password")][0].new')" \
    "(changed)"
same "no hash anywhere in history" \
    "$(db "SELECT count(*) FROM history WHERE old LIKE '%argon2%' OR new LIKE '%argon2%'")" 0
same "no password anywhere in history" \
    "$(db "SELECT count(*) FROM history WHERE new LIKE '%secret%' OR new LIKE '%$pw%'")" 0
same "no token anywhere in history" \
    "$(db "SELECT count(*) FROM history WHERE new LIKE '%okd_%' OR new LIKE '%${tok#okd_}%'")" 0

# --- rm ----------------------------------------------------------------------

ok "user rm" okrdesk user rm lea
same "... takes their tokens with them" \
    "$(db "SELECT count(*) FROM api_token WHERE name = 'zendesk hook'")" 0
fails 1 "the last admin cannot be removed" okrdesk user rm root
contains "... and says why" "$err" '"root" is the last enabled admin'
fails 1 "user rm of an unknown login" okrdesk user rm lea

ok "user --help" okrdesk user --help
contains "... documents passwd" "$out" "okrdesk user passwd LOGIN"
ok "token --help" okrdesk token --help
fails 2 "an unknown subcommand" okrdesk user frob
fails 2 "an unknown token subcommand" okrdesk token frob

# --- a user's team and person are not removed under them -----------------------
export OKRDESK_DB="$(ws links)"
{
	okrdesk init && okrdesk team add Desk && okrdesk person add "Ada Li" &&
	okrdesk user add boss --role admin --team Desk --person "Ada Li"
} >/dev/null
fails 1 "a team a user belongs to cannot be removed" okrdesk team rm Desk
contains "... saying which user to change" "$err" "okrdesk user edit"
fails 1 "a person a user signs in as cannot be removed" okrdesk person rm \
    "Ada Li"
ok "once the user moves, the team goes" sh -c \
    "'$OKRDESK' user edit boss --unset team && '$OKRDESK' team rm Desk"

# --- schema 2 -> 3 -----------------------------------------------------------

# A workspace of an okrdesk before sign-in: the schema 3 tables dropped
# and the version set back to 2, with a team in it.
export OKRDESK_DB="$(ws old)"
okrdesk init >/dev/null && okrdesk team add Old >/dev/null
db "$(schema2_sql "$(on_pg && echo pg || echo sqlite)")"
same "a schema 2 workspace says 2" "$(db 'SELECT version FROM schema_version')" 2
ok "user list opens it" okrdesk user list
contains "... with no user yet" "$out" "no user yet"
same "... migrated to the current schema (7)" \
    "$(db 'SELECT version FROM schema_version')" 7
same "... its rows intact" "$(okrdesk team list --json | jq -r '.[0].name')" Old
ok "and the first admin can be made" okrdesk user add root --role admin

done_testing
