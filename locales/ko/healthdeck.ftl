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
