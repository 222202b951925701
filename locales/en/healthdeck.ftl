# healthdeck's English catalog: the reference every other catalog is checked against
# (same ids, same placeholders; `healthdeck lint` says where one differs).
# Cmdlet, service, monitor, health set and server names stay as they are in every language.
# Words of the grid's narrow cells (`*-short`) fit in 4 columns; wide ones in 9.

## Alert values
alert-unhealthy = Unhealthy
alert-repairing = Repairing
alert-degraded = Degraded
alert-unknown = Unknown
alert-healthy = Healthy
alert-disabled = Disabled
alert-acked = Acked
alert-unhealthy-short = UNHL
alert-repairing-short = REPR
alert-degraded-short = DEGR
alert-unknown-short = UNKN
alert-healthy-short = OK
alert-disabled-short = OFF
alert-acked-short = ACK

## The grid
grid-server = SERVER
grid-role = ROLE
grid-site = SITE
role-cas = CAS
role-mailbox = MBX
role-both = BOTH
grid-owed = OWED
grid-offline = OFFLINE
grid-proxies-off = PRXY OFF
grid-imap-off = IMAP OFF
grid-pop-off = POP OFF
grid-no-match = no server matches the filter `{ $filter }`

## The banner
banner-training = TRAINING
banner-production = PRODUCTION
banner-dry-run = DRY-RUN
banner-read-only = READ-ONLY
banner-dry-run-meaning = nothing runs
banner-read-only-meaning = reads only
banner-record-not-written = RECORD NOT WRITTEN: { $reason }
banner-prober-behind = PROBER BEHIND: { $count } late, up to { $late }
banner-behind = BEHIND { $count } { $late }
banner-exchange-silent = EXCHANGE: no verdict on { $silent } of { $all }
banner-exchange-silent-short = NO VERDICT { $silent }/{ $all }
banner-owed = { $count } OWED
banner-ledger-unread = OWED LEDGER NOT READ
banner-filter = filter `{ $filter }` { $shown }/{ $total }
banner-sorted = by { $key }
banner-fleet-clock = fleet +{ $clock }
banner-servers = { $count ->
    [one] { $count } server
   *[other] { $count } servers
}
banner-prometheus-down = PROMETHEUS DOWN: { $why }
banner-prometheus-down-short = PROM DOWN
banner-prometheus = PROMETHEUS { $age }
banner-prometheus-short = PROM { $age }
banner-prometheus-warns = warns: { $first }
banner-prometheus-reading = PROMETHEUS: reading…
banner-prometheus-reading-short = PROM …
banner-alertmanager-down = ALERTMANAGER DOWN
banner-alertmanager-down-short = AM DOWN

## The status bar
status-monitors = monitors
status-more-in-help = (? shows all)
status-acked = acked by { $who } until { $until } UTC: { $comment } ({ $monitor })
hint-next = next
hint-open = open
hint-filter = filter
hint-help = help
hint-quit = quit
hint-select = select
hint-runbook = runbook
hint-probe = probe
hint-back = back
hint-run = run
hint-cancel = cancel
hint-skip = skip
hint-escalate = escalate
hint-follow = follow
hint-wrap = wrap
hint-back-to-fleet = back to the fleet
hint-confirm = confirm
hint-abort = abort
hint-run-them = run them
hint-leave = leave
hint-stay = stay
hint-leave-running = leave running
hint-run-unrecorded = run unrecorded
hint-do-not-run = do not run
hint-go = go
hint-back-out = back out
hint-clear = clear
hint-apply = apply
hint-complete = complete
hint-earlier = earlier
hint-close = close

## Help
help-title = Keys
help-grid-move = move around the grid
help-next-problem = next / previous Unhealthy, then Degraded
help-grid-open = drill into the selected cell
help-grid-filter = filter servers: name, role, site or state
help-acknowledge = acknowledge Unhealthy (Alertmanager silence) / expire
help-page = page up / down
help-grid-ends = first / last server
help-grid-back = clear the filter
help-drill-select = select a monitor
help-drill-open = open the selected monitor's runbook
help-drill-probe = run the monitor's probe now
help-drill-pay = run what is owed on this server
help-drill-write-off = write off what is owed (typed, with a reason)
help-drill-ends = first / last monitor
help-drill-back = back to the grid
help-run-step = run the next step (again, when it failed)
help-cancel-step = cancel the running step (its process group); a wait rechecks
help-skip-step = skip a failed or optional step; a wait rechecks
help-escalate-step = escalate: hand over, with a reason
help-jump-ahead = move the walk to the highlighted step, with a reason
help-highlight-step = highlight a step: its instruction and command
help-log-toggles = log: follow; wrap; only the highlighted step's output
help-log-scroll = scroll the log
help-runbook-back = back; half-way, offers the undo steps (resumes later)
help-close = close this help
help-command-line = command line (Tab lists its commands)
help-help-suspend = this help (Esc closes it); suspend (fg returns)
help-quit = quit (asks when steps run or undo steps are owed)
help-legend-marks = { $na } not run on this role   { $flap } flapping   ages: since it left Healthy
help-last-message = last message: { $message }
help-record = incident record:
help-log = log: { $path }

## Too small
too-small = terminal too small
too-small-size = { $width }x{ $height }, need { $min_width }x{ $min_height }
too-small-way-out = enlarge it, or q to quit
too-small-question-waiting = a question is waiting: enlarge it to answer
## Help: what the guards let run (the README says the same)
help-read-only = READ-ONLY: probes and reading steps run (health, database copies, log location, the Mailbox server); nothing that changes a server runs
help-dry-run = DRY-RUN: every step shows its exact command (both sides of every branch); nothing runs

## Monitor rules
rule-consecutive = { $count } consecutive failures
rule-within = { $count } failures within { $window }
rule-latency = mean latency over { $window } > { $limit } s
rule-queued = queued > { $threshold } for { $duration }

## Problems under the grid
problems = { $count ->
    [one] 1 problem, worst first
   *[other] { $count } problems, worst first
}
problems-filtered = { $count ->
    [one] 1 problem among the filtered servers, worst first
   *[other] { $count } problems among the filtered servers, worst first
}
problems-none = no problems: every monitor in view is Healthy, Unknown or Disabled
problems-none-filtered = no problems among the filtered servers: every monitor in view is Healthy, Unknown or Disabled
problems-none-known = nothing known: { $why }
problems-more = … { $count } more: n jumps to each
problems-for = for { $age }
problems-exchange-says = Exchange says { $alert }
problems-mean-latency = mean command latency { $seconds } s
problems-queued = { $count } requests queued
problems-acked = acked by { $who } until { $until } UTC

## The drill-down
drill-source-simulator = simulator
drill-source-prometheus = Prometheus
drill-source-probe = healthdeck probe
drill-flapping = flapping
drill-related = related health sets: { $sets }
drill-label-last = last
drill-label-error = error
drill-label-unknown = unknown
drill-label-acked = acked
drill-label-source = source
drill-label-rule = rule
drill-label-latency = latency
drill-label-depends = depends
drill-probe-every = { $probe } every { $interval }
drill-cadence = last { $gap } apart
drill-cadence-late = last { $gap } apart, { $late } late
drill-latency-of = latency of every { $protocol } probe on this server
drill-queue-metric = { $protocol } requests-queued metric
drill-depends-probes = the probes above
drill-depends-metric = a metric source (the simulator; none on a real fleet)
drill-alert-firing = firing
drill-alert-pending = pending
drill-alert-inactive = not active
drill-alert-not-generated = not generated
drill-alert-no-data = no data
drill-prometheus-alert = Prometheus' alert: { $alert }
drill-failing = { $count }/{ $of } failing
drill-failing-over = { $of }/{ $of } failing ({ $count } so far)
drill-mean = , mean { $ms } ms
drill-queued-now = , queued now { $count }
drill-cannot-run = cannot run: { $why }
drill-nothing-feeds = Disabled: nothing feeds this monitor
drill-last-succeeded = Succeeded { $age } ago, { $ms } ms
drill-last-failed = Failed { $age } ago, { $ms } ms
drill-no-probe = no probe of its own; see the rule
drill-no-result = no result yet
drill-no-samples = no samples yet
drill-latencies = last { $count }, max { $max } ms
drill-acked = by { $who } until { $until } UTC: { $comment }
drill-owed-maybe = OWED (maybe)
drill-owed-since = since { $since } UTC by { $who }, { $runbook }
drill-owed-run = runs it
drill-owed-write-off = writes it off (name + why)
dep-authentication = Authentication
dep-mailbox-authentication = Mailbox server authentication
dep-high-availability = High Availability
dep-networking = Networking
dep-information-store = Information Store

## The drill-down: Exchange's own verdict
exchange-waiting = waiting for its first answer
exchange-answered = answered { $age } ago
exchange-answered-nothing = answered nothing { $age } ago: no data, Unknown
exchange-poll-failed = poll failed { $age } ago: { $why }
exchange-said-last = as Exchange said it last
exchange-requested-by = requested by { $who }
exchange-taken-offline = taken offline: the proxy runbook's component step sets it Active again
exchange-not-a-seed = not one of the seeds' (no runbook)
exchange-health-set = health set { $state }
exchange-result-at = { $result } at { $at } UTC ({ $age } ago)
exchange-ran-at = ran at { $at } UTC
exchange-no-execution = no execution reported
exchange-stale = STALE: Exchange's own result is old (it says { $alert })

## Boxes over the runbook: confirmation, reasons, leaving, quitting
prompt-confirm-title = confirm a destructive step
prompt-locked-by = { $server } is locked by { $holder }; { $why }. Breaking the lock runs the step again.
prompt-ran-before = this already ran at { $at } by { $who }
prompt-confirm-type = { $step } ({ $action }) on { $server }: type the server name ({ $name }) and Enter; Esc aborts
prompt-confirm-refused = `{ $typed }` is not { $name }: nothing ran
prompt-write-off-title = write off what is owed
prompt-no-command = (no command)
prompt-undoing-command = undoing command: { $command }
prompt-write-off-say = Writing it off says it was done by hand or is not needed, for every console. Type { $name }, a space, and why; Enter; Esc backs out.
prompt-escalate-title = escalate: hand over
prompt-escalate-say = Escalating ends the walk here: the steps not run are listed as such, and a handover summary is written next to the incident record.
prompt-escalate-type = Type why, in one line; Enter escalates; Esc stays.
prompt-jump-title = move the walk ahead
prompt-jump-say = Move the walk to { $step }: the steps before it are passed over and recorded as such.
prompt-jump-type = Type why, in one line; Enter moves; Esc stays.
prompt-ack-title = acknowledge
prompt-ack-say = Acknowledge { $monitor } on { $server }: an Alertmanager silence, shown in every console that reads it, and recorded.
prompt-ack-type = Type how long (e.g. 2h), a space, and why; Enter; Esc backs out.
prompt-budget-title = restart over budget
prompt-budget-say = { $service } on { $server } has no restart left in its budget: restarts repeated across walks hide a problem a restart does not fix.
prompt-budget-type = To restart anyway, type why (recorded); Enter restarts; Esc leaves it.
prompt-unrecorded-title = record not written
prompt-unrecorded-say = { $what } on { $server } would run unrecorded: the record keeps what it can in memory and writes it when the disk takes it again.
prompt-unrecorded-yes = run it unrecorded (this choice is recorded)
prompt-unrecorded-no = do not run it
prompt-leave-title = leaving half-way
prompt-leave-owed = compensations still owed:
prompt-leave-item = { $step } on { $server }
prompt-leave-running = a step still runs: they cannot run before it ends
prompt-leave-run = run them now
prompt-leave-quit = quit; they stay owed (every console sees them)
prompt-leave-leave = leave; they stay owed (every console sees them)
prompt-leave-quit-training = quit; they stay owed (in the record: training's are the console's own)
prompt-leave-leave-training = leave; they stay owed
prompt-leave-stay = stay in the runbook
prompt-quit-title = steps are running
prompt-quit-cancel = cancel them, then quit
prompt-quit-leave-training = leave them (training: a simulated step ends with the console), quit
prompt-quit-leave = leave them running (they outlive the console), quit
prompt-quit-stay = stay

## The runbook pane
pane-owed = Owed:
step-pending = pending
step-confirm = confirm
step-next = next
step-running = running
step-ran = ran
step-done = done
step-cancelled = cancelled
step-timed-out = timed out
step-failed = failed
step-not-run = not run
step-shown = shown
step-passed = passed
step-skipped = skipped
step-call = call
step-back = back
step-undo = undo
step-escalated = escalated
pane-dry-run-passes = DRY-RUN: shown, not run; Enter passes it
pane-read-only-passes = READ-ONLY: not run (it changes a server); Enter passes it
pane-destructive = destructive: Enter asks you to type the server name ({ $name })
pane-already-ran = already ran { $at }{ $fleet } by { $who }
pane-ran = ran { $at }{ $fleet } by { $who }: { $how }
pane-read-in = read { $read } in { $took } s
pane-exit-in = { $exit } in { $took } s
pane-fleet = fleet
pane-command-later = the exact command shows when this step is next
pane-budget-spent = restart budget ({ $service }): spent once by this walk; its further restarts are free
pane-budget-left = restart budget ({ $service }): { $hour } of { $per_hour } left this hour, { $day } of { $per_day } today
pane-budget-next = ; the next allowed at { $at } UTC

## The log panel
log-title = log
log-only = { $run } only (o: all)
log-fleet-clock = fleet clock
log-dropped = { $count } earlier lines in the record only
log-follow = follow
log-paused = paused
log-wrap = wrap
log-cut = cut

## How steps and runbooks end (the record keeps its own English words)
exit-succeeded = succeeded
exit-failed-code = failed (exit { $code })
exit-failed = failed
exit-timed-out = timed out
exit-cancelled = cancelled
ending-transient = transient
ending-resolved = resolved
ending-completed = completed
ending-escalated = escalated
ending-aborted = aborted
ending-not-finished-dry-run = not finished (dry-run)
ending-not-finished-read-only = not finished (read-only)
ending-left = left half-way
read-probe-succeeded = probe Succeeded
read-probe-failed = probe Failed
read-no-active-copy = no active copy left
read-active-copies = active copies remain
read-server-healthy = server healthy
read-server-unhealthy = server unhealthy
read-monitor-healthy = monitor Healthy
read-monitor-not-healthy = monitor not Healthy
read-component-active = component Active
read-component-inactive = component not Active
skip-only-if = only if { $condition }
skip-passed-over = passed over: { $why }
skip-nothing-to-undo = nothing to undo
skip-by-engineer = skipped by the engineer
skip-no-mailbox = no Mailbox server was identified
skip-too-deep = calls nested too deep
skip-unknown-procedure = the called procedure does not exist
skip-aborted = the walk was aborted here
skip-dry-run = dry-run: shown, not run
skip-read-only = read-only: not run
skip-escalated = not run: escalated

## The log's notes
note-ended = { $run } { $how } in { $took } s
note-runbook-over = runbook over: { $ending }
note-runbook-over-owed = runbook over: { $ending }; still owed: { $owed }
note-mailbox-assumed = dry-run: the Mailbox server is taken from the fleet: { $server }
note-wait-elapsed = wait elapsed after { $waited } of { $wait } min: rechecking now
note-wait-cancelled = wait cancelled after { $waited } of { $wait } min: rechecking now
note-wait-skipped = wait skipped after { $waited } of { $wait } min: rechecking now
note-waiting = waiting { $wait } min (until { $until }), then rechecking
note-if = if { $when }
note-cancelling = { $run } cancelling…
note-handover = handover summary: { $path }
note-opened = opened { $runbook }: { $monitor } on { $server }
note-resumed = resumed where it was left: Enter runs the next step
note-restarts-count-once = this runbook may restart a service on { $server } up to { $count } times: one walk's restarts count once against the restart budget ({ $per_hour } per hour, { $per_day } per day)
note-owed-already = owed here already: { $owed }
note-owed = owed: { $owed }
note-maybe-owed = { $owed } may still be owed on { $server }: { $step } did not succeed but ran; it stays owed until it is run or written off
note-breaking-lock = breaking the lock on { $server } held by { $holder }

## Messages in the status bar
flash-still-owed = still owed: { $owed }; q quits
flash-step-failed = { $step } { $exit }: Enter runs it again, s skips, e escalates
flash-step-running = a step is running: c cancels it
flash-waiting = waiting: the recheck starts by itself; c cancels
flash-next-highlighted = Enter runs the next step, highlighted now
flash-runbook-over = the runbook is over ({ $ending }): Esc closes it
flash-no-longer-waiting = the step is no longer waiting to be run again
flash-nothing-running = nothing is running
flash-running-cancel-first = a step is running: c cancels it first
flash-cannot-skip = only a failed or optional step can be skipped
flash-nothing-to-escalate = the runbook is over: there is nothing to escalate
flash-handover = handover: { $name }
flash-handover-not-written = HANDOVER NOT WRITTEN: { $why }
flash-runbook-still-open = the runbook for { $monitor } on { $server } is still open: finish or leave it first
flash-runbook-not-failing = { $monitor } is { $alert }: its runbook opens when it is Degraded or Unhealthy
flash-runbooks-not-loaded = the runbooks did not load (see healthdeck lint)
flash-no-runbook = no runbook for { $monitor } on a { $role } server
flash-cannot-open = cannot open { $procedure }: { $error }
flash-step-goes-on = the step goes on in the background; Enter on the monitor comes back
flash-undo-waits = a step still runs: its undo steps cannot run before it ends; l quits and leaves them owed
flash-quits-when-paid = running the compensations; the console quits once they are done
flash-cancelling-then-quit = cancelling; what is owed is offered next (q again quits at once)
flash-backed-out = backed out: nothing was done
flash-written-off = written off: { $owed } on { $server }
flash-nothing-owed-here = nothing is owed on this server
flash-runbook-open = a runbook is open: finish or leave it first (Esc)
flash-owed-unknown-step = { $owed } is not a runbook step this console knows: write it off (x) once done by hand
flash-cannot-pay = cannot run what is owed: { $error }
flash-not-confirmed = not confirmed: nothing ran
flash-no-problem-in-view = no Unhealthy or Degraded monitor in view
flash-exchange-no-probe = Exchange names no probe for this monitor: r runs only the seeds' probes
flash-no-probe-of-its-own = { $monitor } has no probe of its own
flash-dry-run-not-run = dry-run: not run: { $command }
flash-probing-now = running { $probe } on { $server } now…
flash-probe-succeeded = { $what }: Succeeded
flash-probe-failed = { $what }: Failed (see its last error)
flash-probe-not-run = { $what }: could not run ({ $exit })
what-rerun-probe = Re-run { $probe }
what-probe-on = { $probe } on { $server }
flash-too-small = the terminal is too small: enlarge it (or q to quit)
flash-exchange-own-monitor = no runbook for this monitor: it is Exchange's own, not one of the seeds'; its error is shown here
flash-not-run-on-role = { $set } does not run on { $server } ({ $role } server)

## While nobody was watching (the report after a hang-up) and what is owed at start
hangup-title = While nobody was watching
hangup-terminated = The console was terminated (SIGTERM) at { $at } UTC with { $steps } running, { $what }:
hangup-hung-up = The terminal hung up at { $at } UTC with { $steps } running, { $what }:
hangup-cancelled = cancelled
hangup-left-to-finish = left to finish
hangup-quit-leaving = The console quit at { $at } UTC leaving { $steps } running:
hangup-steps = { $count ->
    [one] 1 step
   *[other] { $count } steps
}
hangup-owed = Owed when it went away (until run or written off):
hangup-step = #{ $run } { $title } on { $server } by { $who }: { $outcome }
hangup-ended = { $exit } at { $at }
hangup-ended-code = { $exit } (exit { $code }) at { $at }
hangup-ended-unknown = { $exit } at { $at } (exit status not known)
hangup-exit-ended = ended
hangup-still-running = still running (pid { $pid })
hangup-gone = ended; how is not known (pid { $pid } is gone)
hangup-no-end = its end is not in the record (the console was killed?)
hangup-record = Record: { $path }
hangup-closing = Their output is in that session's incident record. Any key closes this.
owed-box-title = Owed
owed-box-head = { $count ->
    [one] 1 compensation owed on this fleet, not run yet:
   *[other] { $count } compensations owed on this fleet, not run yet:
}
owed-box-closing = Enter on the server's cell, then u runs it or x writes it off (with a reason). Any key closes this.

## The command line and acknowledgements
flash-sorted = sorted by { $key }
flash-sort-keys = sort by name, state, age, site or fleet
flash-theme-usage = theme NAME: default, light, high-contrast, monochrome, or a YAML file
flash-nothing-owed = nothing is owed on the fleet
flash-unknown-command = unknown command `{ $command }`: { $known }
flash-theme = theme { $name }
flash-theme-not-changed = theme not changed: { $why }
flash-exported = written beside the record: { $name }
flash-export-not-written = export not written: { $why }
ack-too-short = an acknowledgement lasts a minute or more (e.g. 2h)
ack-too-long = a week at most: a longer silence hides the next incident
ack-why-missing = and why, after the duration
ack-not-a-duration = `{ $typed }` is not a duration: type e.g. 2h, a space, and why
ack-sending = acknowledging { $monitor } on { $server }…
ack-not-shared = acknowledging needs Alertmanager: this console judges the fleet itself (set health.prometheus with an alertmanager in the inventory)
ack-nothing-here = nothing acknowledged here
ack-expiring = expiring the acknowledgement of { $monitor } on { $server }…
ack-no-alertmanager = acknowledging needs Alertmanager: the inventory's health.prometheus names none (alertmanager: http://HOST:PORT)
ack-no-server = no server selected
ack-only-own-monitors = only healthdeck's monitors are acknowledged here
ack-cell-has-none = only an Unhealthy monitor is acknowledged: this cell has none
ack-not-run-here = not run here
ack-not-unhealthy = only an Unhealthy monitor is acknowledged: { $monitor } is { $alert }
ack-already = { $monitor } is acknowledged already: A expires it
ack-done = acknowledged { $monitor } on { $server } until { $until } UTC
ack-expired = acknowledgement of { $monitor } on { $server } expired
ack-refused = Alertmanager refused: { $why }

## The incident export (Markdown): keep the Markdown marks (** and `) around the same words
export-title = Incident record { $name }
export-session = Session
export-engineer = Engineer
export-host = Host
export-host-pid = { $host } (pid { $pid })
export-ssh = SSH connection
export-ssh-none = none (a local terminal)
export-mode = Mode
export-dry-run = Dry run
export-read-only = Read-only
export-language = Language
export-recorded-by = Recorded by
export-started = Started
export-ended = Ended
export-ended-at = { $reason } at { $at }
export-not-ended-yet = not yet: this summary was written while the console ran
export-not-ended = not recorded: the console was killed, or is still running
export-duration = Duration
export-duration-fleet = { $wall } (fleet clock: { $fleet })
export-yes = yes
export-no = no
export-none = none
export-reason-quit = quit
export-reason-hangup = hangup (SIGHUP)
export-reason-sigterm = terminated (SIGTERM)
export-timeline = Timeline
export-times = Times are wall-clock UTC.
export-times-on = Times are wall-clock UTC, on { $day }.
export-times-training = Times are wall-clock UTC; in brackets, the training fleet's clock, which runs faster. Waits and step durations are fleet time.
export-times-on-training = Times are wall-clock UTC, on { $day }; in brackets, the training fleet's clock, which runs faster. Waits and step durations are fleet time.
export-fleet-at = fleet { $time }
export-fleet-span = { $span } on the fleet clock
export-torn = Note: the last line was cut off (the console was killed); it is left out.
export-list = { $rest } and { $last }
export-no-output = no output
export-output-lines = { $count ->
    [one] 1 output line
   *[other] { $count } output lines
}
export-output-lines-stderr = { $count ->
    [one] 1 output line ({ $stderr } on stderr)
   *[other] { $count } output lines ({ $stderr } on stderr)
}
export-step-output = Step output
export-step-output-about = `!` marks a line on stderr. Long output shows its first { $head } and last { $tail } lines; the record keeps them all.
export-run-not-started = #{ $run } (its start is not recorded)
export-more-lines = … { $count } more lines in the record

## The incident export: the timeline's items
export-run = Step #{ $run }
export-run-step = Step #{ $run } { $step } on { $server }
export-run-compensation = Compensation #{ $run } { $step } on { $server }
export-session-again = Session header again: { $user } on { $host } (pid { $pid })
export-runbook-opened = Runbook opened for **{ $monitor }** on { $server }: { $title } ({ $procedure })
export-step-started = Step #{ $run } **{ $title }** ({ $step }) on { $server } started by { $by }
export-compensation-started = Compensation #{ $run } **{ $title }** ({ $step }) on { $server } started by { $by }
export-step-ended = { $run } **{ $exit }**{ $code } after { $duration }; { $outputs }
export-exit-code = (exit code { $code })
export-facts = facts: { $facts }
export-cancel-asked = { $by } asked to cancel { $run }
export-hangup = **Terminal hung up** with { $running } running: policy { $policy }, their output still recorded
export-owed-on-fleet = **owed on the fleet**: { $owed }
export-session-ended = Session ended: { $reason }
export-left-running = **left running**: { $runs }
export-record-gap = **Record gap**: { $lines } output lines ({ $bytes } bytes) were not kept ({ $reason })
export-unrecorded-ran = **Record not written** ({ $reason }): { $by } chose to run { $what } on { $server } unrecorded
export-unrecorded-not-run = **Record not written** ({ $reason }): { $by } chose not to run { $what } on { $server } unrecorded
export-engine-refused = **Runbook engine refused** { $asked } in { $procedure }: { $error }
export-skipped = Skipped { $step } on { $server }: { $reason }
export-skipped-would = Skipped { $step } on { $server }: { $reason }; it would have run
export-confirmation = { $by } typed { $typed } to confirm { $step } on { $server }: **{ $verdict }**
export-typed-nothing = nothing
export-accepted = accepted
export-refused = refused
export-offered = Compensations offered for { $procedure }: { $owed }
export-chose-run = { $by } chose to **run** the compensations for { $procedure }: { $owed }
export-chose-not-run = { $by } chose **not to run** the compensations for { $procedure }: { $owed }
export-closed = Runbook { $procedure } closed: **{ $ending }**; no compensation left undone
export-closed-owed = Runbook { $procedure } closed: **{ $ending }**; **compensations left undone: { $owed }**
export-drill-started = **Drill started**: { $scenario } ({ $minutes } min of fleet time): { $objective }
export-drill-ended = **Drill ended**: { $end }, score { $score }/100
export-drill-healed = healed
export-drill-budget-over = budget over
export-drill-quit = quit
export-examined-drill-down = { $monitor } on { $server } first looked at (drill-down)
export-examined-cell = { $monitor } on { $server } first looked at (its cell)
export-transition = **{ $monitor }**{ $source } on { $server }: { $from } → { $to }
export-prometheus = Prometheus: { $state }
export-prometheus-why = Prometheus: { $state } ({ $why })
export-exchange = Exchange's verdict on { $server }: { $state }
export-exchange-why = Exchange's verdict on { $server }: { $state } ({ $why })
export-exchange-many = Exchange's verdict on { $count } servers: { $state }{ $why }: { $servers }{ $more }
export-and-more = and { $count } more
export-acknowledged = **{ $monitor }** on { $server } acknowledged by { $by } until { $until } UTC: { $comment } (silence { $silence })
export-ack-expired = Acknowledgement of **{ $monitor }** on { $server } expired by { $by } (silence { $silence })
export-ack-failed = Acknowledging **{ $monitor }** on { $server } failed: { $why }
export-undo-with = undo with
export-no-command = no command recorded
export-owed = Compensation **owed** on { $server }: **{ $title }** ({ $step }), as { $cause } succeeded (by { $by })
export-owed-maybe = Compensation **owed (maybe)** on { $server }: **{ $title }** ({ $step }), as { $cause } started (by { $by })
export-cleared-ran = Compensation { $step } on { $server } **cleared**: it ran and succeeded (by { $by })
export-written-off = Compensation { $step } on { $server } **written off** by { $by }: { $reason }
export-written-off-no-reason = Compensation { $step } on { $server } **written off** by { $by }, no reason given
export-cleared-how = Compensation { $step } on { $server } **cleared** ({ $how }) by { $by }
export-every-step-ran = every step had run
export-not-run = not run: { $steps }
export-escalated = { $by } **escalated** { $procedure } on { $server }: { $reason }; { $not_run }
export-handover-written = Handover summary of { $procedure } on { $server } written: { $path }
export-passed-over = { $by } **passed over** { $steps } on { $server } to go to { $to }: { $reason }
export-over-budget = { $by } allowed a restart of { $service } on { $server } **over its restart budget**: { $reason }
export-detached = { $run } **left running** by { $by } ({ $pid }): detached, it outlives the console
export-pid = pid { $pid }
export-pid-unknown = pid unknown
export-wait-started = Wait of **{ $span }** started for { $step } on { $server }, until { $until }; the recheck follows
export-wait-ended = The wait for { $step } on { $server } **{ $how }** after { $waited }; the recheck runs next
export-wait-ended-by = { $by } **{ $how }** the wait for { $step } on { $server } after { $waited }; the recheck runs next
export-wait-elapsed = elapsed
export-wait-cancelled = cancelled
export-wait-skipped = skipped
export-schedule = Prober over { $span } s: { $on_time } of { $ran } probes on time, { $skipped } runs skipped, latest { $late } s late ({ $limit } in flight allowed, ceiling { $ceiling })
export-caught-up = Prober **caught up** with its schedule
export-behind = **Prober behind**: { $late } probes late, by up to { $by } s: { $why }
export-stale = **{ $count ->
    [one] { $count } monitor
   *[other] { $count } monitors
} went stale** (Healthy → Unknown)
export-stale-behind = **{ $count ->
    [one] { $count } monitor
   *[other] { $count } monitors
} went stale** (Healthy → Unknown) while the prober was behind
export-fresh = **{ $count ->
    [one] { $count } monitor
   *[other] { $count } monitors
} answered again** (Unknown → Healthy)
export-at-once = { $what }: { $which }; on { $servers }{ $more }

## The incident export: left undone, and the handover summary of an escalation
export-left-undone = Left undone
export-left-undone-nothing = Nothing: every compensation owed in this record was cleared.
export-left-undone-about = Compensations owed in this record and never cleared: each server may still be half-recovered. Run the command, or write it off in the console's drill-down.
export-undone = **{ $title }**{ $maybe } on **{ $server }** ({ $step }), owed since { $since } by { $by }, after { $cause }
export-undone-maybe = (maybe: its step started and never succeeded)
handover-title = Handover: { $procedure } on { $server }
handover-escalated = { $by } escalated at { $at }: { $reason }.
handover-not-run = Not run: { $steps }.
handover-from-start = from the session's start
handover-from-opening = from the runbook's opening at { $at }
handover-part = This is the runbook's part of the incident record { $record }, { $from } to the escalation; the record itself has the rest.
handover-owed = Owed on the fleet
handover-owed-nothing = Nothing was owed on the fleet when the runbook was escalated.
handover-owed-about = Compensations owed on the whole fleet when the runbook was escalated: each leaves a server half-recovered until it is run or written off.

## A drill's debrief (its screen and the export)
debrief-healed = healed { $after } after the fault showed (budget { $budget })
debrief-not-healed = not healed within the budget ({ $budget })
debrief-left = left before it was healed (budget { $budget })
debrief-detect = detect ({ $after })
debrief-runbook = right runbook ({ $after })
debrief-mitigate = mitigate ({ $after })
debrief-path = expected path
debrief-safety = safety
debrief-twice = { $lesson } (twice)
debrief-times = { $lesson } ({ $count } times)
debrief-repeat = Seed { $seed }: healthdeck drill --scenario random --seed { $seed } repeats it.
debrief-title = Drill debrief
debrief-score = { $scenario }: score **{ $score }/100**, { $ending }.
debrief-part = part
debrief-points = points
debrief-timeline = Timeline, beside the expected path
debrief-expected-path = Expected: { $runbook } on { $server }, steps { $steps } (for { $monitor }).
debrief-at = at
debrief-happened = what happened
debrief-expected = expected
debrief-findings = Findings
debrief-no-findings = None: nothing unsafe was done.
debrief-head = { $scenario }: score { $score }/100, { $ending }.
debrief-no-unsafe = No unsafe action.
debrief-closing = The debrief is written beside the incident record. q quits, Esc goes back to the fleet.
debrief-more-steps = { $count } more steps: see the Markdown
debrief-expected-on = Expected on { $server }
debrief-what-happened = What happened
debrief-beat-fault = fault: { $monitor } @{ $server } fails
debrief-beat-looked = looked at a failing monitor
debrief-beat-see = see a failing monitor
debrief-beat-reached = reached { $runbook } @{ $server }
debrief-beat-open = open { $runbook }
debrief-beat-healthy = { $monitor } Healthy again
debrief-beat-healed = healed: { $heals }
debrief-lesson-not-at-fault = you ran { $step } ({ $action }) on { $server }, which had no fault: find the failing monitor's server in the grid and the drill-down before a destructive step
debrief-lesson-wrong-service = you restarted { $service } on { $server }, which was not the failing service: read the drill-down first (the monitor's target service, and for a CTP probe the Mailbox server its error names)
debrief-lesson-failover-healthy = you failed over { $server }, which was healthy: check the drill-down's monitor before a destructive step
debrief-lesson-while-healthy = you ran { $step } on { $server } while { $monitor } was already Healthy: re-run the probe first; a recovered monitor needs no repair
debrief-lesson-skipped-verification = you ran { $step } on { $server } without the verification step of { $procedure }: verify the problem still exists before changing anything
debrief-lesson-owed = you left { $steps } owed on { $server }: run the compensations (or write them off with a reason) before you walk away
debrief-lesson-escalated-solved = you escalated while { $monitor } on { $server } was Healthy again: re-run the probe before handing over a problem that is gone

## Status bar messages: the prober's pace, steps not started without a record
flash-prober-behind = prober behind: { $late } late: { $why }
pace-at-ceiling = at its ceiling of { $ceiling } in flight: raise probes.ceiling
pace-slow-servers = servers answer slower than the schedule allows
flash-not-started-unrecorded = { $what } not started: the record is not written
flash-not-started = { $what } on { $server }: not started

## `healthdeck check` (the first line is Nagios' and stays as it is) and `healthdeck lint`
check-not-run = not run: { $why }
check-succeeded = succeeded in { $took }
check-exchange-poll = Exchange poll: { $why }
check-exchange-healthy = Exchange: { $count ->
    [one] { $count } monitor
   *[other] { $count } monitors
} Healthy
check-exchange-monitor = Exchange: { $alert }
check-stale = stale
check-requested-by = requested by { $requesters }
check-exchange-nothing = Exchange answered nothing: no data, not healthy
check-exchange-no-monitor = Exchange reported no monitor of the IMAP or POP health sets
lint-clean = { $files } files checked: no findings
lint-findings = { $files } files checked: { $count ->
    [one] 1 finding
   *[other] { $count } findings
}

## `healthdeck replay`: its banner, keys, the entries played and the runbook as the record left it
replay-keys = q quit  space play/pause  l/h step  +/- speed  g/G start/end  j/k servers
replay-no-server = the record names no server
replay-paused = paused
replay-banner = REPLAY read-only { $position }/{ $len } | { $state } | { $clock } | { $name }
replay-transition = { $monitor } on { $server }: { $from } -> { $to }
replay-examined = { $monitor } on { $server } looked at
replay-runbook-opened = runbook opened: { $title } @{ $server }
replay-step-ended = #{ $run } { $exit } in { $seconds } s
replay-confirmed = { $step } @{ $server } confirmed, typed by { $by }
replay-refused = { $step } @{ $server } refused, typed by { $by }
replay-skipped = { $step } skipped: { $reason }
replay-wait = { $step }: wait { $minutes } min
replay-waited = { $step }: wait { $how } after { $seconds } s
replay-closed = runbook closed: { $ending }
replay-escalated = escalated @{ $server }: { $reason }
replay-drill-ended = drill ended: { $end }, { $score }/100
replay-earlier-steps = { $count ->
    [one] 1 earlier step
   *[other] { $count } earlier steps
}
replay-output = output
replay-output-earlier = output, { $count } earlier lines in the record
replay-typed-by = typed by { $by }
replay-refused-by = refused, { $by }
replay-running = running
replay-wait-min = wait { $minutes } min
replay-undo = (undo)
replay-after-s = after { $seconds } s
replay-after-min = after { $minutes } min
replay-skipped-reason = skipped: { $reason }
replay-session-ended = session ended: { $reason }
replay-hangup = terminal hung up
replay-owed = owed @{ $server }: { $title }
replay-owed-cleared = cleared @{ $server }: { $step }
replay-drill-started = drill started: { $scenario }
replay-acknowledged = acknowledged: { $monitor } @{ $server }

## A compensation owed on the fleet, in one line (the ledger keeps its own English)
debt-line = { $title } on { $server }: owed since { $since } UTC by { $by } ({ $procedure }/{ $cause })
debt-line-maybe = { $title } (maybe) on { $server }: owed since { $since } UTC by { $by } ({ $procedure }/{ $cause })

## The typed confirmation: what the monitor behind the step shows now (the record keeps English)
confirm-now = now: { $monitor } on { $server } is { $alert }
confirm-now-for = now: { $monitor } on { $server } is { $alert } for { $minutes } min
confirm-healthy-now = { $monitor } is { $healthy } now: this step may not be needed
confirm-unknown = its state is { $unknown }: nothing shows this server failing
confirm-error-names = the probe's error names { $other }, which is failing too: the fault may be there, not on { $server }
confirm-not-failing-here = { $server } shows no failing { $protocol } monitor: it may not be the server at fault

## Why a reason box or a move cannot act yet (what was typed stays)
refuse-reason-needed = a reason is needed: type one line, then Enter
refuse-write-off-why = and why, after the name: nothing was written off
refuse-write-off-name = `{ $typed }` is not { $name }: nothing was written off
refuse-step-running-cancel = a step is running: Esc, then c cancels it first
refuse-step-running-wait = a step is running: Esc, then wait for it or c cancels it
refuse-jump-ahead = > moves the walk to a step still ahead: Esc, then highlight one (j/k)
refuse-owed-in-between = cannot move there: { $step } is owed and lies in between: run it (or write it off) first
refuse-cannot-move = cannot move there: { $why }
flash-output-highlight = o shows a step's output: highlight one that ran

## A drill's first words in the status bar
flash-drill = drill: { $objective } ({ $budget } of fleet time; q ends it)

## Runbook titles a record holds, as a reader shows them
title-resumed = { $title } (resumed)
title-paying = what is owed from { $procedure }

## What the console says about a step: why it ended so, why it did not start (the record keeps English)
said-as-is = { $text }
said-and = { $first }; { $then }
said-timed-out = timed out after { $secs } s; its process group was killed
said-output-held-open = its output was still held open after its process group was killed, probably by a process that left the group; stopped reading
said-let-go = its command ended, but processes it started still held its output after 2 s: what they print later is not captured
said-cancelled-killed = cancelled; its process group was killed
said-killed-by = killed by { $signal }
said-killed-by-core = killed by { $signal } (core dumped)
said-ended-with = ended with { $status }
said-command-empty = cannot start the step: its command is empty
said-cannot-start = cannot start `{ $program }`: { $error }
said-not-all-recorded = its output could not all be recorded: { $error }
said-lock-not-kept = its server's lock could not be kept: { $refusal }
said-lock-lost = its server's lock was lost: { $error }
said-unknown-exit = left running when the console quit; its exit status is not known (the console, its parent, had gone)
said-cannot-run-here = { $why }: this step cannot run here
said-no-lock-dir = no lock directory is set up
said-no-credentials = no probe credentials
said-no-probes = no probes run in this console
said-no-simulator = no training simulator is running
said-broken = the console failed while running this step (a bug: { $panic }); the command may have run: check the server before going on
said-sim-cancelled = cancelled before the simulator performed it; the simulated fleet is untouched
said-sim-late-cancel = the cancel came after the simulator had performed the step; nothing was undone
said-unreadable-output = its output could not be read ({ $why }): nothing was established
said-unread-gate = its output did not say { $fact }: nothing was established

## Why a step did not run: another console holds its server, or its restarts are spent
said-locked = { $server } is locked by { $holder }: nothing ran
said-locked-stale = { $server } is locked by { $holder }; { $stale }
said-lock-io = cannot take the lock: { $error }
said-nothing-ran = { $why }: nothing ran
said-holder = { $owner } on { $host } (pid { $pid }), { $action } since { $since }, last heartbeat { $heartbeat }
said-locked-by = locked by { $holder }
said-locked-by-stale = locked by { $holder }; { $stale }
said-abandoned = it looks abandoned: { $why }
said-untrusted = its heartbeat cannot be trusted: { $why }
said-dead-pid = its process no longer runs on this host
said-no-heartbeat = no heartbeat for { $age }
said-lock-unreadable = the lock file cannot be read and has not changed for over 2 min
said-future-heartbeat = its last heartbeat is { $ahead } ahead of this host's clock, more than the { $skew } s two clocks may differ: one of them is wrong, so nobody can tell whether its holder still runs
said-restarted = { $service } on { $server } was restarted { $windows }
said-restarted-hour = { $count ->
    [one] 1 time
   *[other] { $count } times
} in the last hour (limit { $limit } per hour)
said-restarted-day = { $count ->
    [one] 1 time
   *[other] { $count } times
} in the last 24 hours (limit { $limit } per day)
said-both = { $first } and { $then }
said-next-restart = { $restarted }: the next restart is allowed at { $at }
said-restarts-off = { $restarted }: a limit of 0 turns its restarts off
said-at = { $time } (in { $wait })
said-at-tomorrow = { $time } tomorrow (in { $wait })
said-at-on = { $time } on { $date } (in { $wait })

## Steps this console cannot run on this platform
said-no-command = no command for { $action } on { $server }: do it by hand, then s to skip
said-person-job = { $action } is a person's job
said-refused-value = refused before anything ran: { $rejected }
said-no-agent = Prometheus judges this fleet and the inventory names no agent (health.prometheus.agent): no probe runs from this console
said-probe-cannot-run = { $probe } cannot run on { $server } (no endpoint or no credentials in the inventory)
said-its-probe = its probe
said-not-in-fleet = { $server } is not in this fleet

## What is wrong in a file (runbooks, inventory, scenarios, themes, keys), after file:line:column
finding-yaml-tab = a tab: YAML indents with spaces only
finding-yaml-second-document = a second YAML document starts here: a file holds one (remove the `---` line or split the file)
finding-yaml-alias-bomb = aliases expand to too much (an alias bomb?): the first alias that repeats others is here
# A value refused before any shell saw it: the value, then why ($reason: a finding-value-* below).
finding-value-rejected = `{ $value }` { $reason }
# $what: finding-value-what-name, -host or -login.
finding-value-empty = empty value where { $what } is needed
finding-value-what-name = a name
finding-value-what-host = a host name
finding-value-what-login = a login name
finding-value-line-break = holds a line break, which would end the command
finding-value-blank = holds a blank, which would split it into two words
finding-value-control = holds the control character `{ $char }`
finding-value-not-ascii = holds `{ $char }` ({ $code }), which is not plain ASCII; look-alikes of quotes and separators hide there
finding-value-shell-sign = holds `{ $char }`, which a shell would act on
finding-value-not-allowed = holds `{ $char }`, which { $what } does not
finding-value-dash-option = starts with `-`, which a command would read as an option
finding-value-dash-ssh = starts with `-`, which ssh would read as an option
finding-value-login-start = does not start with a letter or `_`, as a login name does
finding-value-too-long = is { $length } characters long; { $what } has at most { $max }
finding-value-empty-label = has an empty label between dots
finding-value-long-label = has a label of { $length } characters; a DNS label has at most { $max }
finding-value-label-dash = has a label that starts or ends with `-`, as no DNS name does
# A character a value may not hold, as "contains { $char }" names it.
finding-char = `{ $char }`
finding-char-space = a space
finding-char-control = a control character ({ $code })
finding-char-whitespace = whitespace ({ $code })
finding-char-not-ascii = `{ $char }` ({ $code }, not ASCII)
# The inventory: after file:line:column, the field ($field: `servers[1].imap[0].host`), then what is wrong.
finding-inventory-field = { $field }: { $finding }
# What is wrong, then the rule ($rule: finding-inventory-rule-*).
finding-inventory-with-rule = { $finding } ({ $rule })
finding-inventory-rule-server-name = a server name is a host name: ASCII letters, digits, `-` and `.`, labels of at most 63 characters, at most 253 in all
finding-inventory-rule-host = a host is a DNS name of ASCII letters, digits, `-` and `.`, or an IPv4 or IPv6 address
finding-inventory-server-name-empty = the server name is empty
finding-inventory-host-empty = the host is empty
finding-inventory-starts-with-dash = `{ $value }` starts with `-`
finding-inventory-contains = `{ $value }` contains { $char }
finding-inventory-host-brackets = `{ $host }`: write an IPv6 address without brackets
finding-inventory-env-name = `{ $name }` is not an environment variable name (ASCII letters, digits and `_`, not starting with a digit)
finding-inventory-name-empty = the inventory name is empty
finding-inventory-name-refused = `{ $value }` contains { $char } (the inventory name is printable ASCII)
finding-inventory-name-too-long = the inventory name is longer than { $max } characters
finding-inventory-site-empty = the site is empty
finding-inventory-site-refused = `{ $value }` contains { $char } (the site is printable ASCII)
finding-inventory-site-too-long = the site is longer than { $max } characters
finding-inventory-file-name = the file name `{ $stem }` cannot be the inventory name: add `name:` (printable ASCII, at most { $max } characters)
finding-inventory-password-written = a password written in the inventory is refused: write it in a file with mode 0600 ({"{"} file: PATH {"}"}) or an environment variable ({"{"} env: NAME {"}"})
finding-inventory-user-empty = the user name is empty
finding-inventory-user-control = `{ $user }` contains a control character: IMAP and POP3 cannot carry it
finding-inventory-path-empty = the file path is empty
finding-inventory-probes-in-flight = probes in flight at once must be 1 to { $max }
finding-inventory-probe-interval = a probe interval must be above zero
finding-inventory-probe-timeout = a probe timeout must be above zero
finding-inventory-probe-timeout-long = { $timeout } is longer than the probe interval { $interval }: probes would pile up
finding-inventory-unknown-monitor = unknown monitor `{ $monitor }` (known: { $known })
# $rule: a rule-* message; $shape: the YAML the monitor's rules take.
finding-inventory-rule-misfit = `{ $rule }` does not fit { $monitor }: use { $shape }
finding-inventory-interval-short = { $interval } is shorter than the probe timeout { $timeout }: probes would pile up
finding-inventory-no-credentials = no `credentials:`: the probes that log in (CTP, deep test) cannot run
finding-inventory-credential-line-break = the value holds a line break or NUL, which IMAP and POP3 cannot carry
finding-inventory-no-ca-file = no CA file at { $path }
finding-inventory-credential-mode = { $path } has mode { $mode }: a credential file must be 0600 or stricter (chmod 600 { $path })
finding-inventory-env-unset = environment variable { $variable } is not set: export it before probing
finding-inventory-env-not-utf8 = environment variable { $variable } is not UTF-8
finding-inventory-env-empty = environment variable { $variable } is empty
finding-inventory-credential-unreadable = cannot read { $path }: { $error }
finding-inventory-not-credential-file = { $path } is not a credential file (a small text file)
finding-inventory-credential-file-empty = the credential file is empty
finding-inventory-managed-not-exchange = Managed Availability is Exchange's: it needs `platform: exchange`
finding-inventory-poll-interval = a poll interval must be 1s or more
finding-inventory-poll-timeout = a poll timeout must be 1s or more
finding-inventory-poll-timeout-long = { $timeout } is longer than the poll interval { $interval }: polls would pile up
finding-inventory-polls-in-flight = polls in flight at once must be 1 to { $max }
finding-inventory-agent-address = the agent `{ $agent }` is not HOST:PORT (e.g. 127.0.0.1:9141)
finding-inventory-refresh = a refresh must be 1s or more
finding-inventory-read-timeout = a timeout must be 100ms or more
finding-inventory-no-servers = the inventory lists no servers
finding-inventory-server-twice = server `{ $server }` is listed twice (as `{ $first }` before; names are compared without case)
finding-inventory-no-endpoint = server `{ $server }` has no endpoint: give it `imap:` or `pop3:` (or let Exchange watch it: `health: {"{"} managed_availability {"}"}`)
finding-inventory-mailbox-unknown = `{ $server }` is not a server of this inventory
# $role: cas, mailbox or both, as the inventory writes it.
finding-inventory-mailbox-not-mailbox = `{ $server }` is a { $role } server, not a Mailbox server
finding-inventory-mailbox-not-cas = only a CAS server has a monitoring mailbox
finding-inventory-port = port { $port } is out of range (1 to 65535)
finding-inventory-server-name-plain = a certificate name needs `tls: starttls` or `tls: implicit`
finding-inventory-second-implicit = a second implicit-TLS endpoint: a protocol has at most one plain or STARTTLS endpoint and one implicit-TLS endpoint
finding-inventory-second-plain = a second plain or STARTTLS endpoint: a protocol has at most one plain or STARTTLS endpoint and one implicit-TLS endpoint
finding-inventory-unknown-action = unknown action `{ $action }`
finding-inventory-command-empty = the command is empty: give the program and its arguments
finding-inventory-command-control = `{ $word }` carries a control character
finding-inventory-pwsh-program = the PowerShell binary is empty or carries a control character
finding-inventory-restarts = { $hour } restarts an hour is more than the { $day } allowed a day
finding-inventory-exchange-transport = Exchange steps are cmdlets: they run through `pwsh` (PowerShell remoting)
finding-inventory-linux-pwsh = `pwsh` runs Exchange cmdlets: a linux server takes `local` or `ssh`
finding-inventory-ssh-unused = `ssh:` is for `transport: ssh`
finding-inventory-ssh-config = no ssh config file at { $path }
# A Prometheus or Alertmanager URL (the inventory's health.prometheus), and why it cannot be read.
finding-url-https = https is not yet supported: give an http:// URL
finding-url-scheme = `{ $scheme }` URLs are not supported: give http://host:port
finding-url-not-url = not a URL: give http://host:port
finding-url-credentials = credentials in the URL are not supported: give http://host:port
finding-url-query = `{ $path }`: a base URL has no query, fragment or spaces
finding-url-unclosed = an IPv6 address needs its closing `]`
finding-url-after-bracket = `]` must be followed by `:port`
finding-url-not-ipv6 = `{ $host }` is not an IPv6 address
finding-url-not-host = `{ $host }` is not a host name or address
finding-url-not-port = `{ $port }` is not a port (1-65535)
# keys.yaml: where a key does something ($where in the messages below).
finding-keys-on-grid = on the grid
finding-keys-in-drill-down = in the drill-down
finding-keys-in-runbook = in the runbook pane
finding-keys-in-help = in help
# Two places of the above: "on the grid or in help".
finding-keys-either = { $first } or { $then }
finding-keys-unknown-screen = unknown screen `{ $screen }`: everywhere, grid, drill, runbook or help
finding-keys-unknown-action = unknown action `{ $action }`
finding-keys-two-things = `{ $key }` would do two things { $where }: `{ $first }` and `{ $second }`
finding-keys-none = give at least one key: an action without a key cannot be reached
finding-keys-does-nothing = `{ $action }` does nothing { $where }
finding-keys-ctrl = `{ $key }`: ctrl- takes one letter (ctrl-c)
finding-keys-not-a-key-name = `{ $key }` is not a key name
finding-keys-not-a-key = `{ $key }` is not a key: a character (n, N, ?), ctrl-LETTER, F1-F12, or one of Enter, Esc, Backspace, Tab, Space, Up, Down, Left, Right, PgUp, PgDn, Home, End
# Any file: read, size, encoding, YAML.
finding-file-unreadable = cannot read: { $error }
finding-file-folder = cannot read: it is a folder
finding-file-not-utf8 = invalid UTF-8 (byte { $byte }): save the file as UTF-8
# $size: finding-size-mib or finding-size-bytes.
finding-file-too-large = the file is larger than { $size }, the most read of such a file
finding-size-mib = { $mib } MiB
finding-size-bytes = { $bytes } bytes
finding-file-neither = neither a runbook (`procedures:`) nor a scenario (`fleet:`, `faults:`)
finding-yaml-nul = a NUL byte: YAML cannot hold it
finding-yaml-control = a control character ({ $code }): YAML cannot hold it
finding-yaml-too-deep = nested deeper than { $max } levels: no healthdeck file needs this
# A message catalog (.ftl) against English.
finding-catalog-not-fluent = not Fluent: { $error }
finding-catalog-defined-twice = message `{ $id }` is defined twice
# $reference, $line: where English defines it.
finding-catalog-missing = message `{ $id }` is missing ({ $reference }:{ $line })
# $own, $english: the placeholders, or finding-catalog-no-placeholders.
finding-catalog-placeholders = message `{ $id }` has placeholders { $own } where English has { $english }
finding-catalog-no-placeholders = none
finding-catalog-not-in-english = message `{ $id }` is not in English: a typo, or a message no longer used
# Where, then what: $place is file:line:column, a file, or an option (--scenario). Keep the place first and the `: ` after it.
finding-at = { $place }: { $finding }
finding-theme-unknown = unknown theme `{ $name }`: not a built-in theme ({ $known }) nor a file
finding-scenario-unknown = unknown scenario `{ $name }`: not a built-in scenario ({ $known }) nor a file
finding-scenario-no-servers = the fleet has no servers: a scenario needs at least one
# $why: the name and why it is refused (finding-value-rejected, or finding-value-empty for no name).
finding-scenario-server-name = server name { $why }
finding-scenario-server-twice = server `{ $server }` is listed twice
finding-scenario-not-cas = `{ $server }` is not a CAS server of this fleet
finding-scenario-not-mailbox = `{ $server }` is not a Mailbox server of this fleet
finding-scenario-fault-server = fault on unknown server `{ $server }`
finding-scenario-unknown-service = unknown service `{ $service }` (known: { $known })
# $role: cas, mailbox or both, as the scenario writes it.
finding-scenario-service-elsewhere = { $service } does not run on { $server } ({ $role } server)
finding-scenario-unknown-rule = unknown monitor `{ $monitor }` in rules
# A scenario's `drill:` block.
finding-drill-unknown-server = drill: unknown server `{ $server }`
finding-drill-unknown-monitor = drill: unknown monitor `{ $monitor }`
finding-drill-monitor-elsewhere = drill: { $monitor } does not run on { $server } ({ $role } server)
finding-drill-objective-english = drill: the objective needs `en` (the other languages fall back to it)
finding-drill-budget = drill: the budget must be longer than 0s
finding-drill-unknown-runbook = drill: unknown runbook `{ $runbook }` (known: { $known })
finding-drill-runbook-elsewhere = drill: runbook { $runbook } does not recover { $monitor }
finding-drill-no-step = drill: runbook { $runbook } has no step `{ $step }` (its steps: { $steps })
# Runbook files.
finding-runbook-duplicate-procedure = duplicate procedure id `{ $procedure }`
finding-runbook-no-protocol = procedure `{ $procedure }` names monitors but no `protocol` (imap or pop)
# $protocol: IMAP or POP.
finding-runbook-unknown-monitor = unknown { $protocol } monitor `{ $monitor }` (known: { $known })
finding-runbook-unknown-action = unknown action `{ $action }` (known: { $known })
finding-runbook-unknown-condition = unknown condition `{ $condition }`: expected `role == cas`, `role == mailbox`, or an expectation (probe_succeeded, no_active_copies, server_healthy, monitor_healthy, component_active) or a called procedure's ending (transient, resolved, completed, escalated), optionally after `not`
finding-runbook-monitor-taken = monitor `{ $monitor }` is already recovered by procedure `{ $procedure }`
# $field: title or instruction (the file's key); $what: finding-runbook-of-procedure or -of-step.
finding-runbook-no-translation = { $field } of { $what } has no `{ $language }` translation
finding-runbook-of-procedure = procedure `{ $procedure }`
finding-runbook-of-step = step `{ $step }` of `{ $procedure }`
finding-runbook-unknown-language = unknown language `{ $language }` (expected { $expected })
finding-runbook-duplicate-step = duplicate step id `{ $step }` in procedure `{ $procedure }`
finding-runbook-no-action = step `{ $step }` needs an `action` or a `call`
finding-runbook-action-and-call = step `{ $step }` has both an `action` and a `call`: give it one
finding-runbook-unknown-call = `call: { $procedure }`: no procedure `{ $procedure }`
finding-runbook-calls-itself = procedure `{ $procedure }` calls itself
finding-runbook-mailbox-server = `on: mailbox_server` needs an earlier `identify_mailbox_server` step
finding-runbook-compensation = compensation `{ $target }` of step `{ $step }`: no later step `{ $target }` in procedure `{ $procedure }`
finding-runbook-escalate-if = `escalate_if` needs an `escalate` step in procedure `{ $procedure }`
finding-runbook-escalate-last = the `escalate` step must be the last step of procedure `{ $procedure }`
# A gate (`only_if`, `stop_if`, `escalate_if`) and why nothing before it can have set its fact ($why: one of the two below).
finding-runbook-gate = `{ $key }: { $condition }`: { $why }
finding-runbook-unreported = no step of `{ $procedure }` up to here reports `{ $expectation }`
finding-runbook-no-ending = step `{ $step }` calls no procedure whose ending it could test
finding-runbook-needs = `{ $action }` needs `{ $key }`
finding-runbook-means-nothing = `{ $key }` means nothing to `{ $action }`
finding-runbook-unconfirmed = `confirm: false` on `{ $action }`, a destructive action: it always asks for confirmation
finding-runbook-call-cycle = call cycle: `{ $procedure }` calls `{ $target }`, which calls back into `{ $procedure }`
finding-runbook-too-large = a runbook larger than { $size }: split it

## The command line refused before the console opens, and where the record went after it closed
usage-speed = --speed { $speed }: must be above 0 and at most 1000
usage-drill-inventory = a drill runs on the training fleet; it cannot be combined with an inventory (--inventory, HEALTHDECK_INVENTORY)
usage-scenario-inventory = --scenario opens the training fleet; it cannot be combined with an inventory (--inventory, HEALTHDECK_INVENTORY)
usage-seed = --seed draws a random drill: use it with --scenario random
usage-no-drill = scenario { $name } has no drill: block (scenarios with a drill: { $drills })
usage-no-terminal = the console needs a terminal on stdin and stdout
usage-record-dir = cannot create the incident record in { $dir }: { $error } (set XDG_STATE_HOME to a writable folder)
usage-record-at = incident record { $path }
usage-lint-no-path = { $path }: no such file or folder
usage-lint-no-inventory = { $path }: no such inventory file
