#!/bin/sh
# t0200-entities.sh: add, list, show, edit, rename and rm of teams, people,
# cycles, objectives and key results, and the errors each refuses with.
. "$(dirname "$0")/lib.sh"

# jq over the stdout of the last command
j() { printf '%s' "$out" | jq -r "$1"; }

okrdesk init >/dev/null || { echo "Bail out! init failed"; exit 1; }

# --- teams -------------------------------------------------------------

ok "team add creates a top-level team" okrdesk team add Support \
    --description "all of customer service"
contains "... and says so" "$out" "Support"
ok "team add --parent puts a team under another" \
    okrdesk team add "Tier 1" --parent Support --description "front line"
ok "team list prints a table" okrdesk team list
contains "... with a header" "$out" "name"
contains "... and the first team" "$out" "Support"
contains "... and the second team" "$out" "Tier 1"
ok "team list --json prints an array" okrdesk team list --json
same "... of the two teams, in creation order" "$(j '[.[].name] | join(",")')" \
    "Support,Tier 1"
same "... the child names its parent" "$(j '.[1].parent')" Support
same "... the top team has a null parent" "$(j '.[0].parent')" null
ok "team show prints one team" okrdesk team show "Tier 1"
contains "... with its parent" "$out" "Support"
contains "... and its description" "$out" "front line"
ok "team show --json prints one object" okrdesk team show "Tier 1" --json
same "... with its name" "$(j .name)" "Tier 1"
same "... and its description" "$(j .description)" "front line"
fails 1 "team show of an unknown team fails" okrdesk team show Nowhere
contains "... naming it" "$err" "Nowhere"

ok "team edit changes a field" okrdesk team edit "Tier 1" \
    --description "first line"
ok "... which team show --json then shows" okrdesk team show "Tier 1" --json
same "... as the new description" "$(j .description)" "first line"
same "... leaving the parent alone" "$(j .parent)" Support
ok "team edit --unset clears an optional field" \
    okrdesk team edit "Tier 1" --unset description
ok "... which then reads null" okrdesk team show "Tier 1" --json
same "... in show --json" "$(j .description)" null
ok "team edit --name renames a team" okrdesk team edit "Tier 1" \
    --name "Tier One"
ok "... which is found by its new name" okrdesk team show "Tier One" --json
same "... keeping its parent" "$(j .parent)" Support
fails 1 "... and no longer by its old name" okrdesk team show "Tier 1"

fails 1 "team add refuses a name that already exists" okrdesk team add Support
contains "... saying it already exists" "$err" "already exists"
fails 1 "team edit --name refuses to rename onto an existing team" \
    okrdesk team edit "Tier One" --name Support
contains "... saying it already exists" "$err" "already exists"
fails 1 "team add refuses an unknown parent" okrdesk team add "Tier 2" \
    --parent Nowhere
contains "... naming the missing team" "$err" "Nowhere"
ok "... and adds nothing" okrdesk team list --json
same "... (still two teams)" "$(j length)" 2
fails 2 "team edit refuses a parent that sits below the team (a loop)" \
    okrdesk team edit Support --parent "Tier One"
contains "... and the message names the parent field" "$err" "parent"
contains "... and the would-be parent" "$err" "Tier One"
fails 2 "team edit refuses the team as its own parent" \
    okrdesk team edit Support --parent Support
contains "... and the message names the parent field" "$err" "parent"
ok "... and Support is still at the top" okrdesk team show Support --json
same "... with a null parent" "$(j .parent)" null
fails 2 "team add refuses an unknown option" okrdesk team add Sales \
    --colour red
contains "... naming the option" "$err" "--colour"
fails 2 "team add without a name is a usage error" okrdesk team add
fails 2 "an unknown subcommand is a usage error" okrdesk team frob
contains "... naming it" "$err" "frob"

# --- people ------------------------------------------------------------

ok "person add creates a person in a team" okrdesk person add "Ana Pop" \
    --team "Tier One" --email ana@example.com
ok "person show --json prints the person" okrdesk person show "Ana Pop" \
    --json
same "... in the team given" "$(j .team)" "Tier One"
same "... with the default role agent" "$(j .role)" agent
same "... and the e-mail given" "$(j .email)" ana@example.com
ok "person add without a team is allowed" okrdesk person add "Dan Ionescu" \
    --role lead
ok "person list prints a table" okrdesk person list
contains "... with the first person" "$out" "Ana Pop"
contains "... and the second" "$out" "Dan Ionescu"
ok "person list --json prints an array" okrdesk person list --json
same "... of both people" "$(j '[.[].name] | join(",")')" "Ana Pop,Dan Ionescu"
same "... the one without a team has a null team" "$(j '.[1].team')" null
ok "person edit changes the role" okrdesk person edit "Ana Pop" --role lead
ok "... which show --json then shows" okrdesk person show "Ana Pop" --json
same "... as the new role" "$(j .role)" lead
fails 1 "person add refuses a name that already exists" \
    okrdesk person add "Ana Pop"
contains "... saying it already exists" "$err" "already exists"
fails 1 "person add refuses an unknown team" okrdesk person add "Ion Popa" \
    --team Nowhere
contains "... naming the missing team" "$err" "Nowhere"
fails 2 "person edit cannot clear the required role" \
    okrdesk person edit "Ana Pop" --unset role
contains "... naming the role field" "$err" "role"

fails 1 "team rm refuses a team that still has people" \
    okrdesk team rm "Tier One"
contains "... saying what still refers to it" "$err" "people"
ok "... and removes nothing: the team is still there" \
    okrdesk team show "Tier One" --json
ok "... and its member still belongs to it" okrdesk person show "Ana Pop" \
    --json
same "... (team unchanged)" "$(j .team)" "Tier One"
fails 1 "team rm refuses a team that still has teams below it" \
    okrdesk team rm Support
ok "person edit --name renames a person" okrdesk person edit "Dan Ionescu" \
    --name "Dan Ionescu-Pop"
ok "... found by the new name" okrdesk person show "Dan Ionescu-Pop" --json
same "... keeping the role" "$(j .role)" lead
ok "person rm removes a person" okrdesk person rm "Dan Ionescu-Pop"
fails 1 "... who is then gone" okrdesk person show "Dan Ionescu-Pop"
fails 1 "person rm of an unknown person fails" okrdesk person rm Nobody

# --- cycles ------------------------------------------------------------

ok "cycle add creates a cycle" okrdesk cycle add 2026-Q4 \
    --start 2026-10-01 --end 2026-12-31
ok "cycle show --json prints it" okrdesk cycle show 2026-Q4 --json
same "... with its start" "$(j .start)" 2026-10-01
same "... and end" "$(j .end)" 2026-12-31
same "... in the default state active" "$(j .state)" active
ok "cycle list --json lists it" okrdesk cycle list --json
same "... as the only cycle" "$(j '[.[].name] | join(",")')" 2026-Q4
ok "cycle list prints a table" okrdesk cycle list
contains "... with the cycle" "$out" "2026-Q4"
ok "cycle edit changes the state" okrdesk cycle edit 2026-Q4 --state planning
ok "... which show --json then shows" okrdesk cycle show 2026-Q4 --json
same "... as planning" "$(j .state)" planning
ok "cycle edit back to active" okrdesk cycle edit 2026-Q4 --state active
fails 2 "cycle edit refuses an unknown state" okrdesk cycle edit 2026-Q4 \
    --state sleeping
contains "... naming the state field" "$err" "state"
fails 2 "cycle add refuses a cycle that ends before it starts" \
    okrdesk cycle add 2027-Q1 --start 2027-03-31 --end 2027-01-01
contains "... and the message names the end" "$err" "end"
contains "... and quotes the end date" "$err" "2027-01-01"
fails 2 "cycle add refuses a date that does not exist" \
    okrdesk cycle add 2027-Q1 --start 2027-02-30 --end 2027-03-31
contains "... naming the start field" "$err" "start"
fails 2 "cycle add refuses a cycle without an end" \
    okrdesk cycle add 2027-Q1 --start 2027-01-01
contains "... naming the end field" "$err" "end"
ok "... and none of these was added" okrdesk cycle list --json
same "... (still one cycle)" "$(j length)" 1
fails 1 "cycle add refuses a name that already exists" \
    okrdesk cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31
contains "... saying it already exists" "$err" "already exists"

# --- objectives ----------------------------------------------------------

ok "objective add creates a team objective" okrdesk objective add aht-down \
    --title "Answer faster" --cycle 2026-Q4 --team "Tier One"
ok "objective show --json prints it" okrdesk objective show aht-down --json
same "... with its title" "$(j .title)" "Answer faster"
same "... its cycle" "$(j .cycle)" 2026-Q4
same "... its team" "$(j .team)" "Tier One"
same "... no person" "$(j .person)" null
same "... the default kind committed" "$(j .kind)" committed
same "... the default weight 1" "$(j '.weight == 1')" true
same "... and no grade before the cycle closes (null, not 0)" "$(j .grade)" null
ok "objective add creates a person objective" okrdesk objective add ana-qa \
    --title "Ana's QA score up" --cycle 2026-Q4 --person "Ana Pop" \
    --kind aspirational
ok "objective list --json lists both" okrdesk objective list --json
same "... in creation order" "$(j '[.[].key] | join(",")')" "aht-down,ana-qa"
ok "objective list --cycle filters by cycle" \
    okrdesk objective list --cycle 2026-Q4 --json
same "... (both are in 2026-Q4)" "$(j length)" 2
ok "objective list prints a table" okrdesk objective list
contains "... with the first key" "$out" "aht-down"
ok "objective edit changes the kind" okrdesk objective edit ana-qa \
    --kind committed
ok "... which show --json then shows" okrdesk objective show ana-qa --json
same "... as committed" "$(j .kind)" committed
fails 2 "objective add refuses both --team and --person" \
    okrdesk objective add both --title Both --cycle 2026-Q4 \
    --team "Tier One" --person "Ana Pop"
contains "... saying to give one owner" "$err" "team or person"
fails 2 "objective add refuses an objective with no owner" \
    okrdesk objective add nobody --title Nobody --cycle 2026-Q4
contains "... saying to give an owner" "$err" "team or person"
fails 1 "objective add refuses an unknown cycle" okrdesk objective add late \
    --title Late --cycle 2031-Q1 --team Support
contains "... naming the missing cycle" "$err" "2031-Q1"
fails 2 "objective add refuses an unknown option" okrdesk objective add odd \
    --title Odd --cycle 2026-Q4 --team Support --colour red
contains "... naming the option" "$err" "--colour"
fails 2 "objective add refuses setting the read-only grade" \
    okrdesk objective add graded --title G --cycle 2026-Q4 --team Support \
    --grade 0.7
fails 2 "objective add refuses a key with capitals and spaces" \
    okrdesk objective add "Bad Key" --title Bad --cycle 2026-Q4 --team Support
contains "... naming the key" "$err" "key"
fails 1 "objective add refuses a key that already exists" \
    okrdesk objective add aht-down --title Again --cycle 2026-Q4 --team Support
contains "... saying it already exists" "$err" "already exists"
ok "... and none of these was added" okrdesk objective list --json
same "... (still two objectives)" "$(j length)" 2

# --- key results ---------------------------------------------------------

# Kind inference: no --kind, target 300 below baseline 420 -> decrease.
ok "kr add creates a key result" okrdesk kr add aht-down/aht \
    --title "Handle time down to 300 s" --unit s --baseline 420 --target 300
ok "kr show --json prints it" okrdesk kr show aht-down/aht --json
same "... inferring kind decrease from target 300 below baseline 420" \
    "$(j .kind)" decrease
same "... with baseline 420" "$(j '.baseline == 420')" true
same "... and target 300" "$(j '.target == 300')" true
same "... the unit" "$(j .unit)" s
same "... its objective" "$(j .objective)" aht-down
same "... the default weight 1" "$(j '.weight == 1')" true
same "... no band low (null)" "$(j .low)" null
# target 85 above baseline 65 -> increase
ok "kr add without --kind, target above baseline" okrdesk kr add \
    aht-down/fcr --title "FCR up" --unit % --baseline 65 --target 85 \
    --weight 2 --owner "Ana Pop"
ok "... shows in kr show --json" okrdesk kr show aht-down/fcr --json
same "... as kind increase" "$(j .kind)" increase
same "... with weight 2" "$(j '.weight == 2')" true
same "... and its owner" "$(j .owner)" "Ana Pop"
ok "kr list --json lists both key results" okrdesk kr list --json
same "... in creation order" "$(j '[.[].key] | join(",")')" "aht,fcr"
ok "kr list prints a table" okrdesk kr list
contains "... with a key result" "$out" "fcr"
ok "kr edit changes the target" okrdesk kr edit aht-down/aht --target 320
ok "... which show --json then shows" okrdesk kr show aht-down/aht --json
same "... as 320" "$(j '.target == 320')" true
same "... keeping the kind" "$(j .kind)" decrease
ok "kr edit --key renames a key result" okrdesk kr edit aht-down/fcr \
    --key fcr-rate
ok "... found by the new key" okrdesk kr show aht-down/fcr-rate --json
fails 1 "... and not by the old one" okrdesk kr show aht-down/fcr

fails 2 "kr add refuses a non-numeric baseline" okrdesk kr add aht-down/csat \
    --title CSAT --baseline abc --target 90
contains "... and the message names the baseline" "$err" "baseline"
contains "... and quotes the value" "$err" '"abc"'
fails 2 "kr add refuses a number with trailing text" \
    okrdesk kr add aht-down/csat --title CSAT --baseline 80 --target 90x
contains "... naming the target" "$err" "target"
fails 2 "kr add refuses weight 0" okrdesk kr add aht-down/csat --title CSAT \
    --baseline 80 --target 90 --weight 0
contains "... naming the weight" "$err" "weight"
fails 2 "kr add refuses an increase whose target is below its baseline" \
    okrdesk kr add aht-down/csat --title CSAT --kind increase \
    --baseline 90 --target 80
contains "... naming the target" "$err" "target"
fails 2 "kr add refuses an unknown kind" okrdesk kr add aht-down/csat \
    --title CSAT --kind sideways --baseline 80 --target 90
contains "... listing the kinds" "$err" "milestones"
fails 2 "kr add refuses a band bound on an increase" \
    okrdesk kr add aht-down/csat --title CSAT --kind increase \
    --baseline 80 --target 90 --low 70
fails 1 "kr add refuses an unknown objective" okrdesk kr add nosuch/csat \
    --title CSAT --baseline 80 --target 90
contains "... naming it" "$err" "nosuch"
fails 1 "kr add refuses an unknown owner" okrdesk kr add aht-down/csat \
    --title CSAT --baseline 80 --target 90 --owner Nobody
contains "... naming the owner" "$err" "Nobody"
fails 1 "kr add refuses a key that already exists in the objective" \
    okrdesk kr add aht-down/aht --title Again --baseline 1 --target 2
contains "... saying it already exists" "$err" "already"
fails 2 "kr add refuses a reference without OBJECTIVE/" okrdesk kr add csat \
    --title CSAT --baseline 80 --target 90
ok "... and none of these was added" okrdesk kr list --json
same "... (still two key results)" "$(j length)" 2

# --- rm ------------------------------------------------------------------

ok "kr rm removes a key result" okrdesk kr rm aht-down/fcr-rate
fails 1 "... which is then gone" okrdesk kr show aht-down/fcr-rate
ok "objective rm removes an objective" okrdesk objective rm aht-down
fails 1 "... which is then gone" okrdesk objective show aht-down
ok "... with its key results" okrdesk kr list --json
same "... (none left)" "$(j length)" 0
fails 1 "cycle rm refuses a cycle that still holds objectives" \
    okrdesk cycle rm 2026-Q4
ok "objective rm the last objective" okrdesk objective rm ana-qa
ok "cycle rm then removes the empty cycle" okrdesk cycle rm 2026-Q4
ok "person rm the last member" okrdesk person rm "Ana Pop"
ok "team rm removes an empty team" okrdesk team rm "Tier One"
ok "... which is then gone from the list" okrdesk team list --json
same "... leaving Support" "$(j '[.[].name] | join(",")')" Support
fails 1 "team rm of an unknown team fails" okrdesk team rm Nowhere
fails 2 "team rm without a name is a usage error" okrdesk team rm

done_testing
