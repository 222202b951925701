# healthdeck 한국어 카탈로그: 영어 카탈로그(en/healthdeck.ftl)와 id와 자리표시자가 같아야 함
# (다른 곳은 `healthdeck lint`가 알려 줌).
# cmdlet, 서비스, 모니터, 상태 설정, 서버 이름은 모든 언어에서 원문 그대로 둠.
# 그리드 좁은 칸의 낱말(`*-short`)은 4열(한글 2자) 이내, 넓은 칸은 9열 이내.

## 경고 값
alert-unhealthy = 비정상
alert-repairing = 복구 중
alert-degraded = 저하됨
alert-unknown = 상태 불명
alert-healthy = 정상
alert-disabled = 비활성
alert-acked = 확인됨
alert-unhealthy-short = 장애
alert-repairing-short = 복구
alert-degraded-short = 저하
alert-unknown-short = 불명
alert-healthy-short = 정상
alert-disabled-short = 꺼짐
alert-acked-short = 확인

## 그리드
grid-server = 서버
grid-role = 역할
grid-site = 위치
role-cas = CAS
role-mailbox = MBX
role-both = 겸용
grid-owed = 미원복
grid-offline = 오프라인
grid-proxies-off = 프록시끔
grid-imap-off = IMAP 끔
grid-pop-off = POP 끔
grid-no-match = 필터 `{ $filter }`에 맞는 서버 없음

## 배너
banner-training = 훈련
banner-production = 운영
banner-dry-run = 모의 실행
banner-read-only = 읽기 전용
banner-dry-run-meaning = 실제 실행 없음
banner-read-only-meaning = 조회만
banner-record-not-written = 기록 저장 실패: { $reason }
banner-prober-behind = 프로브 지연: { $count }건, 최대 { $late }
banner-behind = 지연 { $count } { $late }
banner-exchange-silent = EXCHANGE: { $all }대 중 { $silent }대 판정 없음
banner-exchange-silent-short = 판정 없음 { $silent }/{ $all }
banner-owed = 미원복 { $count }건
banner-ledger-unread = 미원복 목록 읽기 실패
banner-filter = 필터 `{ $filter }` { $shown }/{ $total }
banner-sorted = 정렬: { $key }
banner-fleet-clock = 훈련 시계 +{ $clock }
banner-servers = 서버 { $count }대
banner-prometheus-down = PROMETHEUS 다운: { $why }
banner-prometheus-down-short = PROM 다운
banner-prometheus = PROMETHEUS { $age }
banner-prometheus-short = PROM { $age }
banner-prometheus-warns = 경고: { $first }
banner-prometheus-reading = PROMETHEUS: 읽는 중…
banner-prometheus-reading-short = PROM …
banner-alertmanager-down = ALERTMANAGER 다운
banner-alertmanager-down-short = AM 다운

## 상태 표시줄
status-monitors = 모니터
status-more-in-help = (? 전체 보기)
status-acked = { $who } 확인, { $until } UTC까지: { $comment } ({ $monitor })
hint-next = 다음
hint-open = 열기
hint-filter = 필터
hint-help = 도움말
hint-quit = 종료
hint-select = 선택
hint-runbook = 런북
hint-probe = 프로브
hint-back = 뒤로
hint-run = 실행
hint-cancel = 취소
hint-skip = 건너뛰기
hint-escalate = 이관
hint-follow = 따라가기
hint-wrap = 줄바꿈
hint-back-to-fleet = 그리드로
hint-confirm = 확인
hint-abort = 중단
hint-run-them = 원복 실행
hint-leave = 나가기
hint-stay = 머물기
hint-leave-running = 계속 실행
hint-run-unrecorded = 기록 없이
hint-do-not-run = 실행 안 함
hint-go = 진행
hint-back-out = 그만두기
hint-clear = 지우기
hint-apply = 적용
hint-complete = 자동 완성
hint-earlier = 이전 입력
hint-close = 닫기

## 도움말
help-title = 단축키
help-grid-move = 그리드 이동
help-next-problem = 다음 / 이전 비정상 셀, 이어서 저하됨 셀
help-grid-open = 선택한 셀 상세 보기
help-grid-filter = 서버 필터: 이름, 역할, 위치 또는 상태
help-acknowledge = 비정상 셀 확인 처리(Alertmanager 사일런스) / 만료
help-page = 한 페이지 위 / 아래
help-grid-ends = 첫 / 마지막 서버
help-grid-back = 필터 해제
help-drill-select = 모니터 선택
help-drill-open = 선택한 모니터의 런북 열기
help-drill-probe = 모니터의 프로브 즉시 실행
help-drill-pay = 이 서버에 남은 원복 작업 실행
help-drill-write-off = 미원복 작업 종결 처리(서버 이름과 사유 입력)
help-drill-ends = 첫 / 마지막 모니터
help-drill-back = 그리드로 돌아가기
help-run-step = 다음 단계 실행(실패했으면 다시 실행)
help-cancel-step = 실행 중인 단계 취소(프로세스 그룹째); 대기는 즉시 재확인
help-skip-step = 실패했거나 선택 사항인 단계 건너뛰기; 대기는 즉시 재확인
help-escalate-step = 이관(에스컬레이션): 사유를 적어 인계
help-jump-ahead = 선택한 단계로 바로 이동(사유 입력)
help-highlight-step = 단계 선택: 해당 안내와 명령 표시
help-log-toggles = 로그: 따라가기; 줄바꿈; 선택한 단계의 출력만
help-log-scroll = 로그 스크롤
help-runbook-back = 뒤로; 도중이면 원복 단계 제안(나중에 이어서 진행)
help-close = 도움말 닫기
help-command-line = 명령줄(Tab으로 명령 목록 보기)
help-help-suspend = 이 도움말(Esc로 닫기); 일시 중단(fg로 복귀)
help-quit = 종료(실행 중인 단계나 미원복 단계가 있으면 물어봄)
help-legend-marks = { $na } 이 역할에서 실행 안 함   { $flap } 플래핑   경과: 정상 이탈 후
help-last-message = 마지막 메시지: { $message }
help-record = 인시던트 기록:
help-log = 로그: { $path }

## 화면이 너무 작을 때
too-small = 터미널 창이 너무 작음
too-small-size = { $width }x{ $height }, 최소 { $min_width }x{ $min_height } 필요
too-small-way-out = 창을 키우거나 q로 종료
too-small-question-waiting = 대기 중인 질문 있음: 창을 키워서 응답

## 도움말: 보호 모드에서 실행되는 것(README와 같은 내용)
help-read-only = 읽기 전용: 프로브와 조회 단계만 실행(상태, 데이터베이스 복사본, 로그 위치, 사서함 서버 확인); 서버를 변경하는 작업은 실행 안 함
help-dry-run = 모의 실행: 모든 단계의 정확한 명령 표시(모든 분기의 양쪽 모두); 실제로는 아무것도 실행 안 함

## 모니터 규칙
rule-consecutive = 연속 { $count }회 실패
rule-within = { $window } 이내 { $count }회 실패
rule-latency = { $window } 평균 응답 시간 > { $limit }초
rule-queued = { $duration } 동안 대기 중인 요청 > { $threshold }

## 그리드 아래 문제 목록
problems = 문제 { $count }건, 심각한 순
problems-filtered = 필터에 맞는 서버의 문제 { $count }건, 심각한 순
problems-none = 문제 없음: 보이는 모니터가 모두 정상, 상태 불명 또는 비활성
problems-none-filtered = 필터에 맞는 서버에 문제 없음: 보이는 모니터가 모두 정상, 상태 불명 또는 비활성
problems-none-known = 상태를 알 수 없음: { $why }
problems-more = … { $count }건 더: n으로 하나씩 이동
problems-for = { $age } 지속
problems-exchange-says = Exchange 판정: { $alert }
problems-mean-latency = 평균 명령 응답 시간 { $seconds }초
problems-queued = 대기 중인 요청 { $count }건
problems-acked = { $who } 확인, { $until } UTC까지

## 상세 보기
drill-source-simulator = 시뮬레이터
drill-source-prometheus = Prometheus
drill-source-probe = healthdeck 프로브
drill-flapping = 플래핑
drill-related = 관련 상태 설정: { $sets }
drill-label-last = 마지막
drill-label-error = 오류
drill-label-unknown = 불명
drill-label-acked = 확인됨
drill-label-source = 출처
drill-label-rule = 규칙
drill-label-latency = 응답시간
drill-label-depends = 종속성
drill-probe-every = { $probe } { $interval }마다
drill-cadence = 최근 간격 { $gap }
drill-cadence-late = 최근 간격 { $gap }, { $late } 늦음
drill-latency-of = 이 서버의 모든 { $protocol } 프로브 응답 시간
drill-queue-metric = { $protocol } 대기 중인 요청 메트릭
drill-depends-probes = 위의 프로브
drill-depends-metric = 메트릭 소스(시뮬레이터; 실제 환경에는 없음)
drill-alert-firing = 발생 중
drill-alert-pending = 보류 중
drill-alert-inactive = 발생 안 함
drill-alert-not-generated = 생성 안 됨
drill-alert-no-data = 데이터 없음
drill-prometheus-alert = Prometheus 경고: { $alert }
drill-failing = { $count }/{ $of } 실패
drill-failing-over = { $of }/{ $of } 실패(지금까지 { $count }회)
drill-mean = , 평균 { $ms } ms
drill-queued-now = , 현재 대기 중인 요청 { $count }건
drill-cannot-run = 실행 불가: { $why }
drill-nothing-feeds = 비활성: 이 모니터에 들어오는 데이터 없음
drill-last-succeeded = { $age } 전 성공, { $ms } ms
drill-last-failed = { $age } 전 실패, { $ms } ms
drill-no-probe = 자체 프로브 없음; 규칙 참조
drill-no-result = 아직 결과 없음
drill-no-samples = 아직 샘플 없음
drill-latencies = 최근 { $count }회, 최대 { $max } ms
drill-acked = { $who } 확인, { $until } UTC까지: { $comment }
drill-owed-maybe = 미원복(불확실)
drill-owed-since = { $since } UTC부터, 작업자 { $who }, { $runbook }
drill-owed-run = 원복 실행
drill-owed-write-off = 종결 처리(서버 이름과 사유 입력)
dep-authentication = 인증
dep-mailbox-authentication = 사서함 서버 인증
dep-high-availability = 고가용성
dep-networking = 네트워크
dep-information-store = 정보 저장소

## 상세 보기: Exchange 자체 판정
exchange-waiting = 첫 응답 대기 중
exchange-answered = { $age } 전 응답
exchange-answered-nothing = { $age } 전 빈 응답: 데이터 없음, 상태 불명
exchange-poll-failed = { $age } 전 폴링 실패: { $why }
exchange-said-last = Exchange의 마지막 응답 기준
exchange-requested-by = 요청자: { $who }
exchange-taken-offline = 오프라인으로 전환됨: 프록시 런북의 구성 요소 단계에서 다시 Active로 설정
exchange-not-a-seed = 시드 목록에 없음(런북 없음)
exchange-health-set = 상태 설정 { $state }
exchange-result-at = { $result }, { $at } UTC({ $age } 전)
exchange-ran-at = { $at } UTC에 실행됨
exchange-no-execution = 보고된 실행 없음
exchange-stale = 갱신 안 됨: Exchange 자체 결과가 오래됨(판정: { $alert })

## 런북 위 대화 상자: 확인, 사유, 나가기, 종료
prompt-confirm-title = 위험 단계 실행 확인
prompt-locked-by = { $server }의 잠금 보유자: { $holder }; { $why }. 잠금을 강제로 풀면 이 단계가 다시 실행됨.
prompt-ran-before = 이미 { $at }에 실행됨(작업자 { $who })
prompt-confirm-type = { $server }에서 { $step }({ $action }) 실행: 서버 이름({ $name }) 입력 후 Enter; 중단은 Esc
prompt-confirm-refused = 서버 이름 불일치(입력 `{ $typed }`, 서버 { $name }): 아무것도 실행 안 됨
prompt-write-off-title = 미원복 작업 종결 처리
prompt-no-command = (명령 없음)
prompt-undoing-command = 원복 명령: { $command }
prompt-write-off-say = 종결 처리하면 수동으로 처리했거나 필요 없다는 뜻으로 모든 콘솔에 기록됨. { $name }, 공백, 사유를 입력하고 Enter; 그만두려면 Esc.
prompt-escalate-title = 이관: 인계
prompt-escalate-say = 이관하면 런북 진행이 여기서 끝남: 실행하지 않은 단계는 미실행으로 표시되고, 인시던트 기록 옆에 인계 요약이 작성됨.
prompt-escalate-type = 사유를 한 줄로 입력; Enter로 이관; Esc로 머물기.
prompt-jump-title = 선택한 단계로 바로 이동
prompt-jump-say = { $step } 단계로 바로 이동: 그 앞의 단계는 넘어간 것으로 기록됨.
prompt-jump-type = 사유를 한 줄로 입력; Enter로 이동; Esc로 머물기.
prompt-ack-title = 확인 처리
prompt-ack-say = { $server }의 { $monitor } 확인 처리: Alertmanager 사일런스로 설정되어, 이를 읽는 모든 콘솔에 표시되고 기록됨.
prompt-ack-type = 기간(예: 2h), 공백, 사유를 입력하고 Enter; 그만두려면 Esc.
prompt-budget-title = 다시 시작 한도 초과
prompt-budget-say = { $server }의 { $service }: 다시 시작 한도가 남지 않음. 런북 진행마다 다시 시작을 반복하면 다시 시작으로 해결되지 않는 문제가 가려짐.
prompt-budget-type = 그래도 다시 시작하려면 사유 입력(기록됨); Enter로 다시 시작; Esc로 그대로 두기.
prompt-unrecorded-title = 기록 저장 실패
prompt-unrecorded-say = { $server }의 { $what }: 실행하면 기록에 저장되지 않음. 기록은 가능한 내용을 메모리에 두었다가 디스크에 다시 쓸 수 있게 되면 저장함.
prompt-unrecorded-yes = 기록 없이 실행(이 선택은 기록됨)
prompt-unrecorded-no = 실행 안 함
prompt-leave-title = 도중에 나가기
prompt-leave-owed = 남은 미원복 단계:
prompt-leave-item = { $server }의 { $step }
prompt-leave-running = 실행 중인 단계 있음: 끝나기 전에는 원복 실행 불가
prompt-leave-run = 지금 원복 실행
prompt-leave-quit = 종료; 미원복으로 남음(모든 콘솔에 표시)
prompt-leave-leave = 나가기; 미원복으로 남음(모든 콘솔에 표시)
prompt-leave-quit-training = 종료; 미원복으로 남음(기록에 남음: 훈련의 미원복은 이 콘솔 전용)
prompt-leave-leave-training = 나가기; 미원복으로 남음
prompt-leave-stay = 런북에 머물기
prompt-quit-title = 실행 중인 단계 있음
prompt-quit-cancel = 단계 취소 후 종료
prompt-quit-leave-training = 그대로 두고 종료(훈련: 시뮬레이션 단계는 콘솔과 함께 끝남)
prompt-quit-leave = 계속 실행되게 두고 종료(콘솔이 끝나도 계속 실행됨)
prompt-quit-stay = 머물기

## 런북 창
pane-owed = 미원복:
step-pending = 대기
step-confirm = 확인 대기
step-next = 다음
step-running = 실행 중
step-ran = 실행됨
step-done = 완료
step-cancelled = 취소됨
step-timed-out = 시간 초과
step-failed = 실패
step-not-run = 미실행
step-shown = 표시만
step-passed = 넘어감
step-skipped = 건너뜀
step-call = 호출
step-back = 복귀
step-undo = 원복
step-escalated = 이관됨
pane-dry-run-passes = 모의 실행: 표시만 하고 실행 안 함; Enter로 넘어감
pane-read-only-passes = 읽기 전용: 실행 안 함(서버를 변경함); Enter로 넘어감
pane-destructive = 위험 단계: Enter 후 서버 이름({ $name }) 입력 필요
pane-already-ran = 이미 { $at }{ $fleet }에 실행됨(작업자 { $who })
pane-ran = { $at }{ $fleet }에 실행(작업자 { $who }): { $how }
pane-read-in = 읽은 값 { $read }, { $took }초
pane-exit-in = { $exit }, { $took }초
pane-fleet = 훈련 시계
pane-command-later = 정확한 명령은 이 단계가 다음 차례일 때 표시됨
pane-budget-spent = 다시 시작 한도({ $service }): 이번 진행에서 한 번 사용함; 이후 다시 시작은 한도에서 차감 안 됨
pane-budget-left = 다시 시작 한도({ $service }): 시간당 { $per_hour }회 중 { $hour }회, 오늘 { $per_day }회 중 { $day }회 남음
pane-budget-next = ; 다음 허용 시각 { $at } UTC

## 로그 패널
log-title = 로그
log-only = { $run } 출력만(o: 전체)
log-fleet-clock = 훈련 시계
log-dropped = 이전 { $count }줄은 기록에만 있음
log-follow = 따라가기
log-paused = 일시정지
log-wrap = 줄바꿈
log-cut = 자름

## 단계와 런북이 끝나는 방식(기록에는 영어 원문이 남음)
exit-succeeded = 성공
exit-failed-code = 실패(종료 코드 { $code })
exit-failed = 실패
exit-timed-out = 시간 초과
exit-cancelled = 취소됨
ending-transient = 자연 해소
ending-resolved = 해결됨
ending-completed = 변경 없이 완료
ending-escalated = 이관됨
ending-aborted = 중단됨
ending-not-finished-dry-run = 미완료(모의 실행)
ending-not-finished-read-only = 미완료(읽기 전용)
ending-left = 도중에 나감
read-probe-succeeded = 프로브 Succeeded
read-probe-failed = 프로브 Failed
read-no-active-copy = 활성 복사본 없음
read-active-copies = 활성 복사본 남아 있음
read-server-healthy = 서버 정상
read-server-unhealthy = 서버 비정상
read-monitor-healthy = 모니터 Healthy
read-monitor-not-healthy = 모니터 Healthy 아님
read-component-active = 구성 요소 Active
read-component-inactive = 구성 요소 Active 아님
skip-only-if = { $condition }일 때만 실행
skip-passed-over = 넘어감: { $why }
skip-nothing-to-undo = 원복할 것 없음
skip-by-engineer = 작업자가 건너뜀
skip-no-mailbox = 사서함 서버를 확인하지 못함
skip-too-deep = 호출 중첩이 너무 깊음
skip-unknown-procedure = 호출한 절차가 없음
skip-aborted = 런북 진행이 여기서 중단됨
skip-dry-run = 모의 실행: 표시만 하고 실행 안 함
skip-read-only = 읽기 전용: 실행 안 함
skip-escalated = 실행 안 함: 이관됨

## 로그에 남는 메모
note-ended = { $run } { $how }, { $took }초
note-runbook-over = 런북 종료: { $ending }
note-runbook-over-owed = 런북 종료: { $ending }; 남은 미원복: { $owed }
note-mailbox-assumed = 모의 실행: 사서함 서버는 서버 목록 기준으로 가정: { $server }
note-wait-elapsed = 대기 끝남({ $wait }분 중 { $waited }분 경과): 지금 재확인
note-wait-cancelled = 대기 취소됨({ $wait }분 중 { $waited }분 경과): 지금 재확인
note-wait-skipped = 대기 건너뜀({ $wait }분 중 { $waited }분 경과): 지금 재확인
note-waiting = { $wait }분 대기({ $until }까지) 후 재확인
note-if = { $when }일 때
note-cancelling = { $run } 취소 중…
note-handover = 인계 요약: { $path }
note-opened = { $runbook } 열림: { $server }의 { $monitor }
note-resumed = 중단한 곳에서 이어서 진행: Enter로 다음 단계 실행
note-restarts-count-once = 이 런북은 { $server }에서 서비스를 최대 { $count }회 다시 시작할 수 있음: 런북 진행 한 번의 다시 시작은 다시 시작 한도에서 한 번으로 계산됨(시간당 { $per_hour }회, 하루 { $per_day }회)
note-owed-already = 이미 남아 있는 미원복: { $owed }
note-owed = 미원복: { $owed }
note-maybe-owed = { $server }의 { $owed }: 아직 미원복일 수 있음. { $step } 단계는 성공하지 않았지만 실행됨; 실행하거나 종결 처리할 때까지 미원복으로 남음
note-breaking-lock = { $server }의 잠금 강제 해제(보유자: { $holder })

## 상태 표시줄 메시지
flash-still-owed = 남은 미원복: { $owed }; q로 종료
flash-step-failed = { $step } { $exit }: Enter로 다시 실행, s로 건너뛰기, e로 이관
flash-step-running = 실행 중인 단계 있음: c로 취소
flash-waiting = 대기 중: 재확인은 자동으로 시작됨; c로 취소
flash-next-highlighted = Enter로 다음 단계 실행(지금 선택된 단계)
flash-runbook-over = 런북 종료({ $ending }): Esc로 닫기
flash-no-longer-waiting = 이 단계는 더 이상 재실행 대기 중이 아님
flash-nothing-running = 실행 중인 것 없음
flash-running-cancel-first = 실행 중인 단계 있음: 먼저 c로 취소
flash-cannot-skip = 실패했거나 선택 사항인 단계만 건너뛸 수 있음
flash-nothing-to-escalate = 런북 종료: 이관할 것 없음
flash-handover = 인계: { $name }
flash-handover-not-written = 인계 요약 저장 실패: { $why }
flash-runbook-still-open = { $server }의 { $monitor } 런북이 아직 열려 있음: 먼저 마치거나 나가기
flash-runbook-not-failing = { $monitor } 상태: { $alert }; 런북은 저하됨 또는 비정상일 때만 열림
flash-runbooks-not-loaded = 런북을 불러오지 못함(healthdeck lint 참조)
flash-no-runbook = { $role } 서버의 { $monitor } 런북 없음
flash-cannot-open = { $procedure } 열 수 없음: { $error }
flash-step-goes-on = 단계는 백그라운드에서 계속 실행됨; 모니터에서 Enter로 복귀
flash-undo-waits = 실행 중인 단계 있음: 끝나기 전에는 원복 단계 실행 불가; l로 종료하면 미원복으로 남음
flash-quits-when-paid = 원복 실행 중; 끝나면 콘솔 종료
flash-cancelling-then-quit = 취소 중; 이어서 미원복 작업 안내 (q 한 번 더: 바로 종료)
flash-backed-out = 그만둠: 아무것도 하지 않음
flash-written-off = 종결 처리됨: { $server }의 { $owed }
flash-nothing-owed-here = 이 서버에 미원복 작업 없음
flash-runbook-open = 런북이 열려 있음: 먼저 마치거나 나가기(Esc)
flash-owed-unknown-step = { $owed }: 이 콘솔이 모르는 런북 단계; 수동으로 처리한 뒤 종결 처리(x)
flash-cannot-pay = 미원복 작업 실행 불가: { $error }
flash-not-confirmed = 확인 안 됨: 아무것도 실행 안 됨
flash-no-problem-in-view = 보이는 범위에 비정상 또는 저하됨 모니터 없음
flash-exchange-no-probe = Exchange가 이 모니터의 프로브를 알려 주지 않음: r로는 시드 목록의 프로브만 실행됨
flash-no-probe-of-its-own = { $monitor }: 자체 프로브 없음
flash-dry-run-not-run = 모의 실행: 실행 안 함: { $command }
flash-probing-now = { $server }에서 { $probe } 실행 중…
flash-probe-succeeded = { $what }: Succeeded
flash-probe-failed = { $what }: Failed(마지막 오류 참조)
flash-probe-not-run = { $what }: 실행하지 못함({ $exit })
what-rerun-probe = { $probe } 다시 실행
what-probe-on = { $server }의 { $probe }
flash-too-small = 터미널 창이 너무 작음: 창을 키우거나 q로 종료
flash-exchange-own-monitor = 이 모니터의 런북 없음: 시드 목록이 아닌 Exchange 자체 모니터; 오류는 여기에 표시됨
flash-not-run-on-role = { $set }: { $server }({ $role } 서버)에서는 실행 안 함

## 아무도 지켜보지 않던 사이(연결이 끊긴 뒤의 보고)와 시작할 때 남은 미원복
hangup-title = 아무도 지켜보지 않던 사이
hangup-terminated = { $at } UTC에 콘솔이 종료됨(SIGTERM), 실행 중이던 { $steps }({ $what }):
hangup-hung-up = { $at } UTC에 터미널 연결이 끊김, 실행 중이던 { $steps }({ $what }):
hangup-cancelled = 취소함
hangup-left-to-finish = 계속 실행되게 둠
hangup-quit-leaving = { $at } UTC에 콘솔이 종료됨, 계속 실행되게 둔 { $steps }:
hangup-steps = 단계 { $count }개
hangup-owed = 콘솔이 끝날 때의 미원복(실행하거나 종결 처리할 때까지 남음):
hangup-step = #{ $run } { $server }의 { $title }(작업자 { $who }): { $outcome }
hangup-ended = { $at }에 { $exit }
hangup-ended-code = { $at }에 { $exit }(종료 코드 { $code })
hangup-ended-unknown = { $at }에 { $exit }(종료 코드 알 수 없음)
hangup-exit-ended = 끝남
hangup-still-running = 아직 실행 중(PID { $pid })
hangup-gone = 끝남, 어떻게 끝났는지 알 수 없음(PID { $pid } 프로세스 없음)
hangup-no-end = 끝난 내용이 기록에 없음(콘솔이 강제 종료되었을 수 있음)
hangup-record = 인시던트 기록: { $path }
hangup-closing = 이 단계들의 출력은 그 세션의 인시던트 기록에 있음. 아무 키나 누르면 닫힘.
owed-box-title = 미원복
owed-box-head = 전체 서버에 남은 미원복 작업 { $count }건, 아직 실행 안 됨:
owed-box-closing = 해당 서버 셀에서 Enter, 이어서 u로 원복 실행 또는 x로 종결 처리(사유 입력). 아무 키나 누르면 닫힘.

## 명령줄과 확인 처리
flash-sorted = { $key } 기준으로 정렬됨
flash-sort-keys = 정렬 기준: name, state, age, site 또는 fleet
flash-theme-usage = theme NAME: default, light, high-contrast, monochrome 또는 YAML 파일
flash-nothing-owed = 전체 서버에 미원복 작업 없음
flash-unknown-command = 알 수 없는 명령 `{ $command }`: { $known }
flash-theme = 테마: { $name }
flash-theme-not-changed = 테마 변경 안 됨: { $why }
flash-exported = 인시던트 기록 옆에 저장됨: { $name }
flash-export-not-written = 내보내기 저장 실패: { $why }
ack-too-short = 확인 처리 기간은 최소 1분(예: 2h)
ack-too-long = 기간은 최대 1주: 사일런스가 더 길면 다음 인시던트가 가려짐
ack-why-missing = 기간 다음에 사유도 입력
ack-not-a-duration = 기간 형식이 아님(입력 `{ $typed }`): 2h 같은 기간, 공백, 사유 순으로 입력
ack-sending = { $server }의 { $monitor } 확인 처리 중…
ack-not-shared = 확인 처리에는 Alertmanager 필요: 이 콘솔은 서버 상태를 자체 판정함(인벤토리의 health.prometheus에 alertmanager 설정)
ack-nothing-here = 여기에 확인 처리된 것 없음
ack-expiring = { $server }의 { $monitor } 확인 처리 만료 중…
ack-no-alertmanager = 확인 처리에는 Alertmanager 필요: 인벤토리의 health.prometheus에 지정되지 않음(alertmanager: http://HOST:PORT)
ack-no-server = 선택한 서버 없음
ack-only-own-monitors = 여기서는 healthdeck 모니터만 확인 처리할 수 있음
ack-cell-has-none = 비정상 모니터만 확인 처리할 수 있음: 이 셀에는 없음
ack-not-run-here = 여기서 실행 안 함
ack-not-unhealthy = 비정상 모니터만 확인 처리할 수 있음({ $monitor } 상태: { $alert })
ack-already = { $monitor }: 이미 확인 처리됨; A로 만료
ack-done = { $server }의 { $monitor } 확인 처리됨, { $until } UTC까지
ack-expired = { $server }의 { $monitor } 확인 처리 만료됨
ack-refused = Alertmanager 거부: { $why }

## 인시던트 내보내기(Markdown): Markdown 표시(** 와 `)는 같은 낱말을 감싸도록 그대로 둠
export-title = 인시던트 기록 { $name }
export-session = 세션
export-engineer = 작업자
export-host = 호스트
export-host-pid = { $host }(pid { $pid })
export-ssh = SSH 연결
export-ssh-none = 없음(로컬 터미널)
export-mode = 모드
export-dry-run = 모의 실행
export-read-only = 읽기 전용
export-language = 언어
export-recorded-by = 기록 도구
export-started = 시작
export-ended = 종료
export-ended-at = { $at }에 { $reason }
export-not-ended-yet = 아직 안 끝남: 콘솔 실행 중에 작성한 요약
export-not-ended = 기록 없음: 콘솔이 강제 종료되었거나 아직 실행 중
export-duration = 소요 시간
export-duration-fleet = { $wall }(훈련 시계: { $fleet })
export-yes = 예
export-no = 아니요
export-none = 없음
export-reason-quit = 작업자 종료
export-reason-hangup = 연결 끊김(SIGHUP)
export-reason-sigterm = 종료됨(SIGTERM)
export-timeline = 타임라인
export-times = 시각은 모두 실제 시계 기준 UTC.
export-times-on = 시각은 모두 실제 시계 기준 UTC, 날짜는 { $day }.
export-times-training = 시각은 모두 실제 시계 기준 UTC. 괄호 안은 훈련 시계(실제보다 빨리 감) 시각. 대기 시간과 단계 소요 시간은 훈련 시계 기준.
export-times-on-training = 시각은 모두 실제 시계 기준 UTC, 날짜는 { $day }. 괄호 안은 훈련 시계(실제보다 빨리 감) 시각. 대기 시간과 단계 소요 시간은 훈련 시계 기준.
export-fleet-at = 훈련 시계 { $time }
export-fleet-span = 훈련 시계로 { $span }
export-torn = 참고: 마지막 줄이 잘려 있어 제외함(콘솔이 강제 종료됨).
export-list = { $rest } 및 { $last }
export-no-output = 출력 없음
export-output-lines = 출력 { $count }줄
export-output-lines-stderr = 출력 { $count }줄(stderr { $stderr }줄)
export-step-output = 단계 출력
export-step-output-about = `!` 표시는 stderr 줄. 출력이 길면 처음 { $head }줄과 마지막 { $tail }줄만 표시; 전체는 기록에 있음.
export-run-not-started = #{ $run }(시작이 기록되지 않음)
export-more-lines = … 기록에 { $count }줄 더 있음

## 인시던트 내보내기: 타임라인 항목
export-run = 단계 #{ $run }
export-run-step = { $server }의 단계 #{ $run } { $step }
export-run-compensation = { $server }의 원복 단계 #{ $run } { $step }
export-session-again = 세션 헤더 다시 기록됨: 사용자 { $user }, 호스트 { $host }(pid { $pid })
export-runbook-opened = { $server }의 **{ $monitor }** 런북 열림: { $title }({ $procedure })
export-step-started = { $server }에서 단계 #{ $run } **{ $title }**({ $step }) 시작(작업자 { $by })
export-compensation-started = { $server }에서 원복 단계 #{ $run } **{ $title }**({ $step }) 시작(작업자 { $by })
export-step-ended = { $run } **{ $exit }**{ $code }, { $duration } 소요; { $outputs }
export-exit-code = (종료 코드 { $code })
export-facts = 읽은 값: { $facts }
export-cancel-asked = { $run } 취소 요청(요청자 { $by })
export-hangup = **터미널 연결 끊김**, 실행 중: { $running }; 정책 { $policy }, 그 출력은 계속 기록됨
export-owed-on-fleet = **전체 서버 미원복**: { $owed }
export-session-ended = 세션 종료: { $reason }
export-left-running = **계속 실행되게 둠**: { $runs }
export-record-gap = **기록 누락**: 출력 { $lines }줄({ $bytes }바이트) 저장 안 됨({ $reason })
export-unrecorded-ran = **기록 저장 실패**({ $reason }): { $server }의 { $what }, 기록 없이 실행하기로 선택(작업자 { $by })
export-unrecorded-not-run = **기록 저장 실패**({ $reason }): { $server }의 { $what }, 기록 없이는 실행 안 하기로 선택(작업자 { $by })
export-engine-refused = **런북 엔진 거부**({ $procedure }의 { $asked }): { $error }
export-skipped = { $server }의 { $step } 건너뜀: { $reason }
export-skipped-would = { $server }의 { $step } 건너뜀: { $reason }; 실행되었을 명령
export-confirmation = { $server }의 { $step } 확인 입력 { $typed }(작업자 { $by }): **{ $verdict }**
export-typed-nothing = 없음
export-accepted = 수락됨
export-refused = 거부됨
export-offered = { $procedure } 원복 단계 제안: { $owed }
export-chose-run = { $procedure } 원복 단계 **실행** 선택(작업자 { $by }): { $owed }
export-chose-not-run = { $procedure } 원복 단계 **실행 안 함** 선택(작업자 { $by }): { $owed }
export-closed = 런북 { $procedure } 종료: **{ $ending }**; 남은 미원복 없음
export-closed-owed = 런북 { $procedure } 종료: **{ $ending }**; **남은 미원복: { $owed }**
export-drill-started = **훈련 시작**: { $scenario }(훈련 시계 { $minutes }분): { $objective }
export-drill-ended = **훈련 종료**: { $end }, 점수 { $score }/100
export-drill-healed = 복구됨
export-drill-budget-over = 제한 시간 초과
export-drill-quit = 도중에 종료
export-examined-drill-down = { $server }의 { $monitor } 처음 살펴봄(상세 보기)
export-examined-cell = { $server }의 { $monitor } 처음 살펴봄(그리드 셀)
export-transition = { $server }의 **{ $monitor }**{ $source }: { $from } → { $to }
export-prometheus = Prometheus: { $state }
export-prometheus-why = Prometheus: { $state }({ $why })
export-exchange = { $server }의 Exchange 판정: { $state }
export-exchange-why = { $server }의 Exchange 판정: { $state }({ $why })
export-exchange-many = 서버 { $count }대의 Exchange 판정: { $state }{ $why }: { $servers }{ $more }
export-and-more = 외 { $count }대
export-acknowledged = { $server }의 **{ $monitor }** 확인 처리됨, { $until } UTC까지(작업자 { $by }): { $comment } (사일런스 { $silence })
export-ack-expired = { $server }의 **{ $monitor }** 확인 처리 만료됨(작업자 { $by }, 사일런스 { $silence })
export-ack-failed = { $server }의 **{ $monitor }** 확인 처리 실패: { $why }
export-undo-with = 원복 명령
export-no-command = 기록된 명령 없음
export-owed = { $server }의 **미원복** 작업: **{ $title }**({ $step }), { $cause } 성공으로 생김(작업자 { $by })
export-owed-maybe = { $server }의 **미원복(불확실)** 작업: **{ $title }**({ $step }), { $cause } 시작으로 생김(작업자 { $by })
export-cleared-ran = { $server }의 원복 단계 { $step } **해소됨**: 실행하여 성공(작업자 { $by })
export-written-off = { $server }의 원복 단계 { $step } **종결 처리됨**(작업자 { $by }): { $reason }
export-written-off-no-reason = { $server }의 원복 단계 { $step } **종결 처리됨**(작업자 { $by }), 사유 없음
export-cleared-how = { $server }의 원복 단계 { $step } **해소됨**({ $how }, 작업자 { $by })
export-every-step-ran = 모든 단계 실행됨
export-not-run = 미실행: { $steps }
export-escalated = { $server }의 { $procedure } **이관됨**(작업자 { $by }): { $reason }; { $not_run }
export-handover-written = { $server }의 { $procedure } 인계 요약 저장됨: { $path }
export-passed-over = { $server }에서 { $to } 단계로 바로 이동하며 { $steps } **넘어감**(작업자 { $by }): { $reason }
export-over-budget = { $server }의 { $service }, **다시 시작 한도 초과**로 다시 시작 허용(작업자 { $by }): { $reason }
export-detached = { $run } **계속 실행되게 둠**(작업자 { $by }, { $pid }): 분리되어 콘솔이 끝나도 계속 실행됨
export-pid = pid { $pid }
export-pid-unknown = pid 알 수 없음
export-wait-started = { $server }의 { $step }: **{ $span }** 대기 시작({ $until }까지), 끝나면 재확인
export-wait-ended = { $server }의 { $step } 대기 **{ $how }**({ $waited } 경과); 이어서 재확인
export-wait-ended-by = { $server }의 { $step } 대기 **{ $how }**({ $waited } 경과, 작업자 { $by }); 이어서 재확인
export-wait-elapsed = 끝남
export-wait-cancelled = 취소됨
export-wait-skipped = 건너뜀
export-schedule = 프로브 실행({ $span } s 동안): 프로브 { $ran }회 중 { $on_time }회 제때 실행, { $skipped }회 건너뜀, 최대 { $late } s 지연(동시 실행 허용 { $limit }, 상한 { $ceiling })
export-caught-up = 프로브 실행이 일정을 **따라잡음**
export-behind = **프로브 지연**: 프로브 { $late }건 지연, 최대 { $by } s: { $why }
export-stale = **모니터 { $count }개 갱신 안 됨**(정상 → 상태 불명)
export-stale-behind = **모니터 { $count }개 갱신 안 됨**(정상 → 상태 불명), 프로브 지연 중
export-fresh = **모니터 { $count }개 다시 응답**(상태 불명 → 정상)
export-at-once = { $what }: { $which }; 서버: { $servers }{ $more }

## 인시던트 내보내기: 남은 미원복, 이관할 때의 인계 요약
export-left-undone = 남은 미원복
export-left-undone-nothing = 없음: 이 기록의 미원복 작업은 모두 해소됨.
export-left-undone-about = 이 기록에서 생긴 뒤 해소되지 않은 미원복 작업: 해당 서버는 아직 복구가 반쯤만 된 상태일 수 있음. 명령을 실행하거나 콘솔의 상세 보기에서 종결 처리.
export-undone = **{ $server }**의 **{ $title }**({ $step }){ $maybe }: { $cause } 이후 { $since }부터 미원복(작업자 { $by })
export-undone-maybe = (불확실: 단계가 시작됐지만 성공하지 않음)
handover-title = 인계: { $server }의 { $procedure }
handover-escalated = { $at }에 이관(작업자 { $by }): { $reason }.
handover-not-run = 미실행: { $steps }.
handover-from-start = 세션 시작부터
handover-from-opening = { $at }에 런북을 연 때부터
handover-part = 이 문서는 인시던트 기록 { $record } 중 이 런북 부분({ $from } 이관까지). 나머지는 기록 자체에 있음.
handover-owed = 전체 서버 미원복
handover-owed-nothing = 런북을 이관할 때 전체 서버에 미원복 작업 없음.
handover-owed-about = 런북을 이관할 때 전체 서버에 남아 있던 미원복 작업: 각각 실행하거나 종결 처리할 때까지 해당 서버는 복구가 반쯤만 된 상태로 남음.

## 훈련 결과 검토(화면과 내보내기)
debrief-healed = 장애가 나타나고 { $after } 후 복구됨(제한 시간 { $budget })
debrief-not-healed = 제한 시간({ $budget }) 안에 복구 못 함
debrief-left = 복구 전에 나감(제한 시간 { $budget })
debrief-detect = 감지({ $after })
debrief-runbook = 올바른 런북({ $after })
debrief-mitigate = 완화({ $after })
debrief-path = 예상 경로
debrief-safety = 안전
debrief-twice = { $lesson }(2회)
debrief-times = { $lesson }({ $count }회)
debrief-repeat = 시드 { $seed }: healthdeck drill --scenario random --seed { $seed } 명령으로 같은 훈련 반복.
debrief-title = 훈련 결과 검토
debrief-score = { $scenario }: 점수 **{ $score }/100**, { $ending }.
debrief-part = 항목
debrief-points = 점수
debrief-timeline = 타임라인과 예상 경로 비교
debrief-expected-path = 예상: { $server }의 { $runbook }, 단계 { $steps }({ $monitor } 대응).
debrief-at = 경과
debrief-happened = 일어난 일
debrief-expected = 예상
debrief-findings = 발견 사항
debrief-no-findings = 없음: 안전하지 않은 조치 없음.
debrief-head = { $scenario }: 점수 { $score }/100, { $ending }.
debrief-no-unsafe = 안전하지 않은 조치 없음.
debrief-closing = 훈련 결과 검토는 인시던트 기록 옆에 저장됨. q로 종료, Esc로 그리드 복귀.
debrief-more-steps = 단계 { $count }개 더: Markdown 참조
debrief-expected-on = 예상({ $server })
debrief-what-happened = 일어난 일
debrief-beat-fault = 장애: { $monitor } @{ $server } 실패
debrief-beat-looked = 실패 중인 모니터 살펴봄
debrief-beat-see = 실패 중인 모니터 찾기
debrief-beat-reached = { $runbook } @{ $server } 열림
debrief-beat-open = { $runbook } 열기
debrief-beat-healthy = { $monitor } 다시 정상
debrief-beat-healed = { $heals } 후 복구
debrief-lesson-not-at-fault = 장애가 없던 { $server }에서 { $step }({ $action }) 실행함: 위험 단계 전에 그리드와 상세 보기에서 실패 중인 모니터의 서버부터 찾을 것
debrief-lesson-wrong-service = { $server }에서 실패하지 않은 서비스({ $service })를 다시 시작함: 상세 보기부터 살펴볼 것(모니터의 대상 서비스, CTP 프로브라면 오류에 나오는 사서함 서버)
debrief-lesson-failover-healthy = 정상인 서버 { $server }에서 장애 조치를 실행함: 위험 단계 전에 상세 보기의 모니터부터 살펴볼 것
debrief-lesson-while-healthy = { $server }의 { $monitor } 상태가 이미 정상인데 { $step } 실행함: 프로브부터 다시 실행할 것; 복구된 모니터에는 조치가 필요 없음
debrief-lesson-skipped-verification = { $procedure }의 확인 단계 없이 { $server }에서 { $step } 실행함: 무엇이든 변경하기 전에 문제가 아직 있는지 확인할 것
debrief-lesson-owed = { $server }에 미원복 단계({ $steps })를 남김: 자리를 뜨기 전에 원복 단계를 실행할 것(또는 사유를 적어 종결 처리)
debrief-lesson-escalated-solved = { $server }의 { $monitor } 상태가 다시 정상인데 이관함: 이미 사라진 문제를 인계하기 전에 프로브를 다시 실행할 것

## 상태 표시줄 메시지: 프로브 실행 속도, 기록할 수 없어 시작하지 않은 단계
flash-prober-behind = 프로브 지연({ $late }건 늦음): { $why }
pace-at-ceiling = 동시 실행 상한 { $ceiling }에 도달: probes.ceiling 값을 높일 것
pace-slow-servers = 서버 응답이 일정을 맞추기에는 너무 느림
flash-not-started-unrecorded = { $what } 시작 안 함: 기록 저장 실패
flash-not-started = { $server }의 { $what }: 시작 안 함

## `healthdeck check`(첫 줄은 Nagios 형식이라 그대로 둠) 및 `healthdeck lint`
check-not-run = 실행하지 못함: { $why }
check-succeeded = { $took } 만에 성공
check-exchange-poll = Exchange 폴링: { $why }
check-exchange-healthy = Exchange: 모니터 { $count }개 Healthy
check-exchange-monitor = Exchange: { $alert }
check-stale = 갱신 안 됨
check-requested-by = 요청자: { $requesters }
check-exchange-nothing = Exchange가 빈 응답을 보냄: 데이터 없음, 정상 아님
check-exchange-no-monitor = Exchange가 IMAP 또는 POP 상태 설정의 모니터를 하나도 보고하지 않음
lint-clean = 파일 { $files }개 검사: 발견 사항 없음
lint-findings = 파일 { $files }개 검사: 발견 사항 { $count }건

## `healthdeck replay`: 배너, 단축키, 재생한 항목, 기록에 남은 그대로의 런북
replay-keys = q 종료  space 재생/일시정지  l/h 단계  +/- 속도  g/G 처음/끝  j/k 서버
replay-no-server = 기록에 서버 이름 없음
replay-paused = 일시정지
replay-banner = 재생 읽기 전용 { $position }/{ $len } | { $state } | { $clock } | { $name }
replay-transition = { $server }의 { $monitor }: { $from } -> { $to }
replay-examined = { $server }의 { $monitor } 살펴봄
replay-runbook-opened = 런북 열림: { $title } @{ $server }
replay-step-ended = #{ $run } { $exit }, { $seconds } s
replay-confirmed = { $step } @{ $server } 확인됨(입력자 { $by })
replay-refused = { $step } @{ $server } 거부됨(입력자 { $by })
replay-skipped = { $step } 건너뜀: { $reason }
replay-wait = { $step }: { $minutes }분 대기
replay-waited = { $step }: 대기 { $how }({ $seconds } s 경과)
replay-closed = 런북 종료: { $ending }
replay-escalated = 이관됨 @{ $server }: { $reason }
replay-drill-ended = 훈련 종료: { $end }, { $score }/100
replay-earlier-steps = 이전 단계 { $count }개
replay-output = 출력
replay-output-earlier = 출력, 이전 { $count }줄은 기록에 있음
replay-typed-by = 입력자 { $by }
replay-refused-by = 거부됨, { $by }
replay-running = 실행 중
replay-wait-min = { $minutes }분 대기
replay-undo = (원복)
replay-after-s = { $seconds } s 경과
replay-after-min = { $minutes }분 경과
replay-skipped-reason = 건너뜀: { $reason }
replay-session-ended = 세션 종료: { $reason }
replay-hangup = 터미널 연결 끊김
replay-owed = 미원복 @{ $server }: { $title }
replay-owed-cleared = 해소됨 @{ $server }: { $step }
replay-drill-started = 훈련 시작: { $scenario }
replay-acknowledged = 확인 처리: { $monitor } @{ $server }

## 플릿에 남은 미원복 작업 한 줄 (원장은 자체 영어 문구를 유지)
debt-line = { $server }의 { $title }: { $since } UTC부터 미원복(작업자 { $by }, { $procedure }/{ $cause })
debt-line-maybe = { $server }의 { $title }(불확실): { $since } UTC부터 미원복(작업자 { $by }, { $procedure }/{ $cause })

## 서버 이름 입력 확인: 이 단계의 대상 모니터가 지금 보여 주는 상태 (기록은 영어를 유지)
confirm-now = { $server }의 { $monitor } 현재 상태: { $alert }
confirm-now-for = { $server }의 { $monitor } 현재 상태: { $alert }({ $minutes }분 지속)
confirm-healthy-now = { $monitor } 현재 상태: { $healthy }; 이 단계는 필요 없을 수 있음
confirm-unknown = 현재 { $unknown }: 이 서버가 실패 중이라는 근거 없음
confirm-error-names = 프로브 오류에 나오는 { $other }도 실패 중: 장애는 { $server } 쪽이 아니라 그쪽일 수 있음
confirm-not-failing-here = { $server }에 실패 중인 { $protocol } 모니터 없음: 장애 서버가 아닐 수 있음

## 사유 입력 상자나 이동이 아직 실행되지 않는 이유 (입력한 내용은 유지됨)
refuse-reason-needed = 사유 필요: 한 줄 입력 후 Enter
refuse-write-off-why = 서버 이름 뒤에 사유도 입력: 아무것도 종결 처리 안 됨
refuse-write-off-name = 서버 이름 불일치(입력 `{ $typed }`, 서버 { $name }): 아무것도 종결 처리 안 됨
refuse-step-running-cancel = 실행 중인 단계 있음: Esc 후 c로 먼저 취소
refuse-step-running-wait = 실행 중인 단계 있음: Esc 후 끝날 때까지 기다리거나 c로 취소
refuse-jump-ahead = >로는 아직 진행 전인 단계로만 이동: Esc 후 단계 선택(j/k)
refuse-owed-in-between = 이동 불가: 사이에 미원복 단계 { $step } 있음: 먼저 실행(또는 종결 처리)
refuse-cannot-move = 이동 불가: { $why }
flash-output-highlight = o로 단계 출력 표시: 실행된 단계를 선택

## 상태 표시줄에 처음 나오는 훈련 안내
flash-drill = 훈련: { $objective } (훈련 시계 { $budget }; q로 종료)

## Runbook titles a record holds, as a reader shows them
title-resumed = { $title } (재개)
title-paying = { $procedure }의 미원복 작업

## 콘솔이 단계에 대해 하는 말: 그렇게 끝난 이유, 시작하지 않은 이유(기록에는 영어 원문이 남음)
said-as-is = { $text }
said-and = { $first }; { $then }
said-timed-out = { $secs } s 후 시간 초과; 프로세스 그룹 강제 종료됨
said-output-held-open = 프로세스 그룹을 강제 종료한 뒤에도 출력이 열려 있음(그룹을 벗어난 프로세스가 잡고 있는 듯); 출력 읽기 중단
said-let-go = 명령은 끝났지만 명령이 시작한 프로세스가 2 s 뒤에도 출력을 잡고 있음: 이후에 출력하는 내용은 수집 안 됨
said-cancelled-killed = 취소됨; 프로세스 그룹 강제 종료됨
said-killed-by = { $signal }에 의해 종료됨
said-killed-by-core = { $signal }에 의해 종료됨(코어 덤프 생성)
said-ended-with = 끝남: { $status }
said-command-empty = 단계 시작 불가: 명령이 비어 있음
said-cannot-start = `{ $program }` 시작 불가: { $error }
said-not-all-recorded = 출력을 모두 기록하지 못함: { $error }
said-lock-not-kept = 서버 잠금을 유지하지 못함: { $refusal }
said-lock-lost = 서버 잠금을 잃음: { $error }
said-unknown-exit = 콘솔 종료 시 계속 실행되게 둠; 종료 상태 알 수 없음(부모 프로세스인 콘솔이 이미 끝남)
said-cannot-run-here = { $why }: 이 단계는 여기서 실행할 수 없음
said-no-lock-dir = 잠금 디렉터리가 설정되지 않음
said-no-credentials = 프로브 자격 증명 없음
said-no-probes = 이 콘솔에서는 프로브를 실행하지 않음
said-no-simulator = 실행 중인 훈련 시뮬레이터 없음
said-broken = 이 단계를 실행하던 중 콘솔 오류 발생(버그: { $panic }); 명령이 실행되었을 수 있음: 계속하기 전에 서버를 확인할 것
said-sim-cancelled = 시뮬레이터가 수행하기 전에 취소됨; 시뮬레이션 서버는 그대로임
said-sim-late-cancel = 시뮬레이터가 단계를 수행한 뒤에 취소 요청이 옴; 되돌린 것 없음
said-unreadable-output = 출력을 읽지 못함({ $why }): 확인된 것 없음
said-unread-gate = 출력에 { $fact } 정보 없음: 확인된 것 없음

## 단계가 실행되지 않은 이유: 다른 콘솔이 서버를 잠갔거나 다시 시작 한도가 남지 않음
said-locked = { $server }의 잠금 보유자: { $holder }; 아무것도 실행 안 됨
said-locked-stale = { $server }의 잠금 보유자: { $holder }; { $stale }
said-lock-io = 잠금을 걸 수 없음: { $error }
said-nothing-ran = { $why }: 아무것도 실행 안 됨
said-holder = { $owner }(호스트 { $host }, pid { $pid }), { $since }부터 { $action } 작업, 마지막 하트비트 { $heartbeat }
said-locked-by = 잠금 보유자: { $holder }
said-locked-by-stale = 잠금 보유자: { $holder }; { $stale }
said-abandoned = 방치된 잠금으로 보임: { $why }
said-untrusted = 하트비트를 신뢰할 수 없음: { $why }
said-dead-pid = 보유자 프로세스가 이 호스트에서 더 이상 실행 중이 아님
said-no-heartbeat = { $age } 동안 하트비트 없음
said-lock-unreadable = 잠금 파일을 읽을 수 없고 2분 넘게 변경 없음
said-future-heartbeat = 마지막 하트비트가 이 호스트 시계보다 { $ahead } 앞서 있어 두 시계의 허용 차이 { $skew } s를 넘음: 한쪽 시계가 틀렸으므로 보유자가 아직 실행 중인지 알 수 없음
said-restarted = { $server }의 { $service }: { $windows } 다시 시작됨
said-restarted-hour = 최근 1시간 동안 { $count ->
   *[other] { $count }회
}(한도 시간당 { $limit }회)
said-restarted-day = 최근 24시간 동안 { $count ->
   *[other] { $count }회
}(한도 하루 { $limit }회)
said-both = { $first } 및 { $then }
said-next-restart = { $restarted }; 다음 다시 시작 허용 시각 { $at }
said-restarts-off = { $restarted }; 한도가 0이므로 다시 시작 불가
said-at = { $time }({ $wait } 후)
said-at-tomorrow = 내일 { $time }({ $wait } 후)
said-at-on = { $date } { $time }({ $wait } 후)

## 이 콘솔이 이 플랫폼에서 실행할 수 없는 단계
said-no-command = { $server }의 { $action } 명령 없음: 수동으로 처리한 뒤 s로 건너뛰기
said-person-job = { $action }: 사람이 직접 할 작업
said-refused-value = 아무것도 실행하기 전에 거부됨: { $rejected }
said-no-agent = 서버 상태는 Prometheus가 판정하는데 인벤토리에 에이전트가 지정되지 않음(health.prometheus.agent): 이 콘솔에서는 프로브를 실행하지 않음
said-probe-cannot-run = { $server }에서 { $probe } 실행 불가(인벤토리에 엔드포인트 또는 자격 증명 없음)
said-its-probe = 해당 프로브
said-not-in-fleet = { $server }: 이 서버 목록에 없음

## What is wrong in a file (runbooks, inventory, scenarios, themes, keys), after file:line:column
finding-yaml-tab = 탭 문자: YAML 들여쓰기는 공백만 사용
finding-yaml-second-document = 여기서 두 번째 YAML 문서가 시작됨: 파일 하나에 문서는 하나(`---` 줄을 지우거나 파일을 나누십시오)
finding-yaml-alias-bomb = 별칭이 지나치게 크게 확장됨(별칭 폭탄?): 다른 별칭을 반복하는 첫 별칭이 여기 있음
# 셸에 닿기 전에 거부된 값: 값, 이어서 이유($reason: 아래 finding-value-* 메시지). 이유는 "`값` 값은" 뒤에 이어지는 서술로 씀.
finding-value-rejected = `{ $value }` 값은 { $reason }
# $what: finding-value-what-name, -host 또는 -login.
finding-value-empty = 값이 비어 있음({ $what } 필요)
finding-value-what-name = 이름
finding-value-what-host = 호스트 이름
finding-value-what-login = 로그인 이름
finding-value-line-break = 줄바꿈이 있어 명령이 거기서 끝나게 됨
finding-value-blank = 공백이 있어 두 단어로 나뉘게 됨
finding-value-control = `{ $char }` 제어 문자가 있음
finding-value-not-ascii = 일반 ASCII가 아닌 `{ $char }`({ $code }) 문자가 있음: 따옴표나 구분자와 닮은 문자가 이런 곳에 숨음
finding-value-shell-sign = 셸이 해석하는 `{ $char }` 문자가 있음
finding-value-not-allowed = { $what }에 쓸 수 없는 `{ $char }` 문자가 있음
finding-value-dash-option = `-`로 시작하여 명령이 옵션으로 읽게 됨
finding-value-dash-ssh = `-`로 시작하여 ssh가 옵션으로 읽게 됨
finding-value-login-start = 영문자나 `_`로 시작하지 않음: 로그인 이름은 영문자나 `_`로 시작함
finding-value-too-long = 길이가 { $length }자임: { $what }의 최대 길이는 { $max }자
finding-value-empty-label = 점 사이에 빈 레이블이 있음
finding-value-long-label = { $length }자짜리 레이블이 있음: DNS 레이블은 최대 { $max }자
finding-value-label-dash = `-`로 시작하거나 끝나는 레이블이 있음: DNS 이름에는 그런 레이블이 없음
# 값에 들어갈 수 없는 문자: finding-inventory-contains 등의 { $char } 자리에 들어감("`값` 값에 공백 포함").
finding-char = `{ $char }`
finding-char-space = 공백
finding-char-control = 제어 문자({ $code })
finding-char-whitespace = 공백 문자({ $code })
finding-char-not-ascii = `{ $char }`({ $code }, ASCII 아님)
# 인벤토리: file:line:column 뒤에 필드($field: `servers[1].imap[0].host`), 이어서 문제 내용.
finding-inventory-field = { $field }: { $finding }
# 문제 내용, 이어서 규칙($rule: finding-inventory-rule-*).
finding-inventory-with-rule = { $finding }({ $rule })
finding-inventory-rule-server-name = 서버 이름은 호스트 이름: ASCII 영문자, 숫자, `-`, `.`만 사용, 레이블은 최대 63자, 전체 최대 253자
finding-inventory-rule-host = 호스트는 ASCII 영문자, 숫자, `-`, `.`로 된 DNS 이름 또는 IPv4나 IPv6 주소
finding-inventory-server-name-empty = 서버 이름이 비어 있음
finding-inventory-host-empty = 호스트가 비어 있음
finding-inventory-starts-with-dash = `{ $value }` 값이 `-`로 시작함
finding-inventory-contains = `{ $value }` 값에 { $char } 포함
finding-inventory-host-brackets = `{ $host }`: IPv6 주소는 대괄호 없이 쓸 것
finding-inventory-env-name = `{ $name }`: 환경 변수 이름이 아님(ASCII 영문자, 숫자, `_`만 사용, 숫자로 시작할 수 없음)
finding-inventory-name-empty = 인벤토리 이름이 비어 있음
finding-inventory-name-refused = `{ $value }` 값에 { $char } 포함(인벤토리 이름은 인쇄 가능한 ASCII만 사용)
finding-inventory-name-too-long = 인벤토리 이름이 { $max }자보다 김
finding-inventory-site-empty = 위치가 비어 있음
finding-inventory-site-refused = `{ $value }` 값에 { $char } 포함(위치는 인쇄 가능한 ASCII만 사용)
finding-inventory-site-too-long = 위치가 { $max }자보다 김
finding-inventory-file-name = 파일 이름 `{ $stem }`에서 인벤토리 이름을 얻을 수 없음: `name:` 추가(인쇄 가능한 ASCII, 최대 { $max }자)
finding-inventory-password-written = 인벤토리에 직접 쓴 암호는 거부됨: 모드 0600 파일({"{"} file: PATH {"}"}) 또는 환경 변수({"{"} env: NAME {"}"})에 둘 것
finding-inventory-user-empty = 사용자 이름이 비어 있음
finding-inventory-user-control = `{ $user }` 값에 제어 문자 포함: IMAP과 POP3로는 전달할 수 없음
finding-inventory-path-empty = 파일 경로가 비어 있음
finding-inventory-probes-in-flight = 동시 실행 프로브 수는 1 이상 { $max } 이하여야 함
finding-inventory-probe-interval = 프로브 간격은 0보다 커야 함
finding-inventory-probe-timeout = 프로브 시간 제한은 0보다 커야 함
finding-inventory-probe-timeout-long = 시간 제한 { $timeout }: 프로브 간격 { $interval }보다 길어 프로브가 밀려 쌓이게 됨
finding-inventory-unknown-monitor = 알 수 없는 모니터 `{ $monitor }`(알려진 모니터: { $known })
# $rule: rule-* 메시지; $shape: 이 모니터의 규칙이 받는 YAML 형식.
finding-inventory-rule-misfit = `{ $rule }` 규칙은 { $monitor }에 맞지 않음: { $shape } 형식으로 쓸 것
finding-inventory-interval-short = 간격 { $interval }: 프로브 시간 제한 { $timeout }보다 짧아 프로브가 밀려 쌓이게 됨
finding-inventory-no-credentials = `credentials:` 없음: 로그인하는 프로브(CTP, 심층 테스트)는 실행할 수 없음
finding-inventory-credential-line-break = 값에 줄바꿈 또는 NUL 포함: IMAP과 POP3로는 전달할 수 없음
finding-inventory-no-ca-file = { $path }에 CA 파일 없음
finding-inventory-credential-mode = { $path } 모드가 { $mode }임: 자격 증명 파일은 0600 또는 그보다 엄격해야 함(chmod 600 { $path })
finding-inventory-env-unset = 환경 변수 { $variable } 미설정: 프로브 실행 전에 export할 것
finding-inventory-env-not-utf8 = 환경 변수 { $variable } 값이 UTF-8이 아님
finding-inventory-env-empty = 환경 변수 { $variable } 값이 비어 있음
finding-inventory-credential-unreadable = { $path } 읽을 수 없음: { $error }
finding-inventory-not-credential-file = { $path }: 자격 증명 파일(작은 텍스트 파일)이 아님
finding-inventory-credential-file-empty = 자격 증명 파일이 비어 있음
finding-inventory-managed-not-exchange = Managed Availability는 Exchange 기능이므로 `platform: exchange` 필요
finding-inventory-poll-interval = 폴링 간격은 1s 이상이어야 함
finding-inventory-poll-timeout = 폴링 시간 제한은 1s 이상이어야 함
finding-inventory-poll-timeout-long = 시간 제한 { $timeout }: 폴링 간격 { $interval }보다 길어 폴링이 밀려 쌓이게 됨
finding-inventory-polls-in-flight = 동시 실행 폴링 수는 1 이상 { $max } 이하여야 함
finding-inventory-agent-address = 에이전트 `{ $agent }`: HOST:PORT 형식이 아님(예: 127.0.0.1:9141)
finding-inventory-refresh = 새로 고침 간격은 1s 이상이어야 함
finding-inventory-read-timeout = 시간 제한은 100ms 이상이어야 함
finding-inventory-no-servers = 인벤토리에 서버가 하나도 없음
finding-inventory-server-twice = 서버 `{ $server }` 중복: 앞에 `{ $first }` 항목이 있음(이름은 대소문자 구분 없이 비교)
finding-inventory-no-endpoint = 서버 `{ $server }`에 엔드포인트 없음: `imap:` 또는 `pop3:` 지정(또는 Exchange가 감시하게 하려면 `health: {"{"} managed_availability {"}"}`)
finding-inventory-mailbox-unknown = `{ $server }`: 이 인벤토리의 서버가 아님
# $role: 인벤토리에 쓰인 그대로의 cas, mailbox 또는 both.
finding-inventory-mailbox-not-mailbox = `{ $server }`: 사서함 서버가 아닌 { $role } 서버
finding-inventory-mailbox-not-cas = 모니터링 사서함은 CAS 서버에만 있음
finding-inventory-port = 포트 { $port }: 범위(1~65535)를 벗어남
finding-inventory-server-name-plain = 인증서 이름에는 `tls: starttls` 또는 `tls: implicit` 필요
finding-inventory-second-implicit = 두 번째 암시적 TLS 엔드포인트: 프로토콜마다 일반 또는 STARTTLS 엔드포인트 하나와 암시적 TLS 엔드포인트 하나까지만 가능
finding-inventory-second-plain = 두 번째 일반 또는 STARTTLS 엔드포인트: 프로토콜마다 일반 또는 STARTTLS 엔드포인트 하나와 암시적 TLS 엔드포인트 하나까지만 가능
finding-inventory-unknown-action = 알 수 없는 작업 `{ $action }`
finding-inventory-command-empty = 명령이 비어 있음: 프로그램과 인수를 지정할 것
finding-inventory-command-control = `{ $word }` 값에 제어 문자 포함
finding-inventory-pwsh-program = PowerShell 실행 파일이 비어 있거나 제어 문자 포함
finding-inventory-restarts = 시간당 다시 시작 { $hour }회: 하루 허용 { $day }회보다 많음
finding-inventory-exchange-transport = Exchange 단계는 cmdlet이므로 `pwsh`(PowerShell 원격)로 실행됨
finding-inventory-linux-pwsh = `pwsh`는 Exchange cmdlet 실행용: linux 서버는 `local` 또는 `ssh` 사용
finding-inventory-ssh-unused = `ssh:` 항목은 `transport: ssh`용
finding-inventory-ssh-config = { $path }에 ssh 설정 파일 없음
# Prometheus 또는 Alertmanager URL(인벤토리의 health.prometheus)과 그 URL을 읽을 수 없는 이유.
finding-url-https = https는 아직 지원하지 않음: http:// URL을 지정할 것
finding-url-scheme = `{ $scheme }` URL은 지원하지 않음: http://host:port 형식으로 지정할 것
finding-url-not-url = URL이 아님: http://host:port 형식으로 지정할 것
finding-url-credentials = URL 안의 자격 증명은 지원하지 않음: http://host:port 형식으로 지정할 것
finding-url-query = `{ $path }`: 기본 URL에는 쿼리, 프래그먼트, 공백이 없어야 함
finding-url-unclosed = IPv6 주소에 닫는 `]` 필요
finding-url-after-bracket = `]` 뒤에는 `:port`가 와야 함
finding-url-not-ipv6 = `{ $host }`: IPv6 주소가 아님
finding-url-not-host = `{ $host }`: 호스트 이름이나 주소가 아님
finding-url-not-port = `{ $port }`: 포트(1-65535)가 아님
# keys.yaml: 키가 동작하는 곳(아래 메시지의 $where). "그리드에서 `x` 키가 …"처럼 문장 앞이나 중간에 들어감.
finding-keys-on-grid = 그리드에서
finding-keys-in-drill-down = 상세 보기에서
finding-keys-in-runbook = 런북 창에서
finding-keys-in-help = 도움말에서
# 위의 두 곳: "그리드에서 또는 도움말에서".
finding-keys-either = { $first } 또는 { $then }
finding-keys-unknown-screen = 알 수 없는 화면 `{ $screen }`: everywhere, grid, drill, runbook, help 중 하나
finding-keys-unknown-action = 알 수 없는 동작 `{ $action }`
finding-keys-two-things = { $where } `{ $key }` 키가 두 가지 동작을 하게 됨: `{ $first }`, `{ $second }`
finding-keys-none = 키를 하나 이상 지정할 것: 키가 없는 동작은 실행할 방법이 없음
finding-keys-does-nothing = `{ $action }` 동작은 { $where } 아무 일도 하지 않음
finding-keys-ctrl = `{ $key }`: ctrl- 뒤에는 글자 하나(ctrl-c)
finding-keys-not-a-key-name = `{ $key }`: 키 이름이 아님
finding-keys-not-a-key = `{ $key }`: 키가 아님: 문자(n, N, ?), ctrl-LETTER, F1-F12 또는 Enter, Esc, Backspace, Tab, Space, Up, Down, Left, Right, PgUp, PgDn, Home, End 중 하나
# 모든 파일: 읽기, 크기, 인코딩, YAML.
finding-file-unreadable = 읽을 수 없음: { $error }
finding-file-folder = 읽을 수 없음: 폴더임
finding-file-not-utf8 = 잘못된 UTF-8(바이트 { $byte }): 파일을 UTF-8로 저장할 것
# $size: finding-size-mib 또는 finding-size-bytes.
finding-file-too-large = 파일이 이런 파일을 읽는 한도 { $size }보다 큼
finding-size-mib = { $mib } MiB
finding-size-bytes = { $bytes }바이트
finding-file-neither = 런북(`procedures:`)도 시나리오(`fleet:`, `faults:`)도 아님
finding-yaml-nul = NUL 바이트: YAML에 넣을 수 없음
finding-yaml-control = 제어 문자({ $code }): YAML에 넣을 수 없음
finding-yaml-too-deep = { $max }단계보다 깊게 중첩됨: healthdeck 파일에는 필요 없는 깊이
# 메시지 카탈로그(.ftl)를 영어 카탈로그와 비교.
finding-catalog-not-fluent = Fluent 형식이 아님: { $error }
finding-catalog-defined-twice = 메시지 `{ $id }` 중복 정의
# $reference, $line: 영어 카탈로그에서 정의된 곳.
finding-catalog-missing = 메시지 `{ $id }` 없음({ $reference }:{ $line })
# $own, $english: 자리표시자 목록 또는 finding-catalog-no-placeholders.
finding-catalog-placeholders = 메시지 `{ $id }`의 자리표시자: { $own }, 영어: { $english }
finding-catalog-no-placeholders = 없음
finding-catalog-not-in-english = 메시지 `{ $id }` 영어 카탈로그에 없음: 오타이거나 더 이상 쓰지 않는 메시지
# 위치, 이어서 내용: $place는 file:line:column, 파일 또는 옵션(--scenario). 위치를 맨 앞에, 그 뒤에 `: `를 둘 것.
finding-at = { $place }: { $finding }
finding-theme-unknown = 알 수 없는 테마 `{ $name }`: 기본 제공 테마({ $known })도 파일도 아님
finding-scenario-unknown = 알 수 없는 시나리오 `{ $name }`: 기본 제공 시나리오({ $known })도 파일도 아님
finding-scenario-no-servers = 서버 목록(`fleet:`)에 서버가 없음: 시나리오에는 서버가 하나 이상 필요
# $why: 이름과 거부 이유(finding-value-rejected, 이름이 없으면 finding-value-empty).
finding-scenario-server-name = 서버 이름: { $why }
finding-scenario-server-twice = 서버 `{ $server }` 중복
finding-scenario-not-cas = `{ $server }`: 이 서버 목록의 CAS 서버가 아님
finding-scenario-not-mailbox = `{ $server }`: 이 서버 목록의 사서함 서버가 아님
finding-scenario-fault-server = 장애 대상 서버 `{ $server }`: 알 수 없는 서버
finding-scenario-unknown-service = 알 수 없는 서비스 `{ $service }`(알려진 서비스: { $known })
# $role: 시나리오에 쓰인 그대로의 cas, mailbox 또는 both.
finding-scenario-service-elsewhere = { $service }: { $server }({ $role } 서버)에서는 실행되지 않음
finding-scenario-unknown-rule = 규칙(`rules`)에 알 수 없는 모니터 `{ $monitor }`
# 시나리오의 `drill:` 블록.
finding-drill-unknown-server = drill: 알 수 없는 서버 `{ $server }`
finding-drill-unknown-monitor = drill: 알 수 없는 모니터 `{ $monitor }`
finding-drill-monitor-elsewhere = drill: { $server }({ $role } 서버)에서는 { $monitor } 실행 안 됨
finding-drill-objective-english = drill: 목표(objective)에 `en` 필요(다른 언어가 없을 때 `en` 사용)
finding-drill-budget = drill: 제한 시간은 0s보다 길어야 함
finding-drill-unknown-runbook = drill: 알 수 없는 런북 `{ $runbook }`(알려진 런북: { $known })
finding-drill-runbook-elsewhere = drill: 런북 { $runbook }의 복구 대상에 { $monitor } 없음
finding-drill-no-step = drill: 런북 { $runbook }에 `{ $step }` 단계 없음(단계: { $steps })
# 런북 파일.
finding-runbook-duplicate-procedure = 절차 id `{ $procedure }` 중복
finding-runbook-no-protocol = 절차 `{ $procedure }`: 모니터는 지정했지만 `protocol`(imap 또는 pop) 없음
# $protocol: IMAP 또는 POP.
finding-runbook-unknown-monitor = 알 수 없는 { $protocol } 모니터 `{ $monitor }`(알려진 모니터: { $known })
finding-runbook-unknown-action = 알 수 없는 작업 `{ $action }`(알려진 작업: { $known })
finding-runbook-unknown-condition = 알 수 없는 조건 `{ $condition }`: `role == cas`, `role == mailbox`, 예상 결과(probe_succeeded, no_active_copies, server_healthy, monitor_healthy, component_active) 또는 호출한 절차의 결과(transient, resolved, completed, escalated)를 쓸 것. 앞에 `not`을 붙일 수 있음
finding-runbook-monitor-taken = 모니터 `{ $monitor }`: 이미 절차 `{ $procedure }`에서 복구함
# $field: title 또는 instruction(파일의 키); $what: finding-runbook-of-procedure 또는 -of-step.
finding-runbook-no-translation = { $what }의 { $field }에 `{ $language }` 번역 없음
finding-runbook-of-procedure = 절차 `{ $procedure }`
finding-runbook-of-step = `{ $procedure }`의 `{ $step }` 단계
finding-runbook-unknown-language = 알 수 없는 언어 `{ $language }`(사용 가능: { $expected })
finding-runbook-duplicate-step = 절차 `{ $procedure }`에 단계 id `{ $step }` 중복
finding-runbook-no-action = `{ $step }` 단계에 `action` 또는 `call` 필요
finding-runbook-action-and-call = `{ $step }` 단계에 `action`과 `call`이 모두 있음: 하나만 지정할 것
finding-runbook-unknown-call = `call: { $procedure }`: 절차 `{ $procedure }` 없음
finding-runbook-calls-itself = 절차 `{ $procedure }`에서 자기 자신을 호출함
finding-runbook-mailbox-server = `on: mailbox_server`에는 앞선 `identify_mailbox_server` 단계 필요
finding-runbook-compensation = `{ $step }` 단계의 원복 단계 `{ $target }`: 절차 `{ $procedure }`에 뒤따르는 `{ $target }` 단계 없음
finding-runbook-escalate-if = `escalate_if`에는 절차 `{ $procedure }`의 `escalate` 단계 필요
finding-runbook-escalate-last = `escalate` 단계는 절차 `{ $procedure }`의 마지막 단계여야 함
# 게이트(`only_if`, `stop_if`, `escalate_if`)와, 그 앞의 어떤 단계도 그 조건의 값을 정할 수 없는 이유($why: 아래 두 메시지 중 하나).
finding-runbook-gate = `{ $key }: { $condition }`: { $why }
finding-runbook-unreported = 여기까지 `{ $procedure }`의 단계 중 `{ $expectation }` 값을 보고하는 단계 없음
finding-runbook-no-ending = `{ $step }` 단계는 절차를 호출하지 않으므로 종료 결과를 확인할 수 없음
finding-runbook-needs = `{ $action }`에는 `{ $key }` 필요
finding-runbook-means-nothing = `{ $key }`: `{ $action }`에서는 의미 없음
finding-runbook-unconfirmed = 위험 작업 `{ $action }`에 `confirm: false`: 위험 작업은 항상 확인을 요청함
finding-runbook-call-cycle = 호출 순환: `{ $procedure }`에서 `{ $target }` 호출, 그 절차가 다시 `{ $procedure }` 호출
finding-runbook-too-large = 런북이 { $size }보다 큼: 나눌 것

## The command line refused before the console opens, and where the record went after it closed
usage-speed = --speed { $speed }: 0보다 크고 1000 이하여야 함
usage-drill-inventory = 훈련(drill)은 훈련 환경에서 진행됨: 인벤토리(--inventory, HEALTHDECK_INVENTORY)와 함께 쓸 수 없음
usage-scenario-inventory = --scenario는 훈련 환경을 엶: 인벤토리(--inventory, HEALTHDECK_INVENTORY)와 함께 쓸 수 없음
usage-seed = --seed는 무작위 훈련을 뽑음: --scenario random과 함께 사용
usage-no-drill = 시나리오 { $name }에 drill: 블록 없음(훈련이 있는 시나리오: { $drills })
usage-no-terminal = 콘솔에는 stdin과 stdout의 터미널이 필요함
usage-record-dir = { $dir }에 인시던트 기록을 만들 수 없음: { $error }(XDG_STATE_HOME을 쓰기 가능한 폴더로 지정)
usage-record-at = 인시던트 기록: { $path }
usage-lint-no-path = { $path }: 그런 파일이나 폴더 없음
usage-lint-no-inventory = { $path }: 그런 인벤토리 파일 없음
