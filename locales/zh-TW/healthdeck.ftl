# healthdeck 的繁體中文（台灣）訊息目錄：與英文參考目錄 en/healthdeck.ftl 相同的 id、相同的預留位置
# （`healthdeck lint` 會指出不一致之處）。
# Cmdlet、服務、監視器、健全設定與伺服器名稱在各語言中一律保留原文。
# 表格窄格的字（`*-short`）不超過 4 欄（兩個中文字）；寬格不超過 9 欄。

## 警示值
alert-unhealthy = 狀況不良
alert-repairing = 修復中
alert-degraded = 降級
alert-unknown = 未知
alert-healthy = 狀況良好
alert-disabled = 已停用
alert-acked = 已確認
alert-unhealthy-short = 不良
alert-repairing-short = 修復
alert-degraded-short = 降級
alert-unknown-short = 未知
alert-healthy-short = 正常
alert-disabled-short = 停用
alert-acked-short = 確認

## 表格
grid-server = 伺服器
grid-role = 角色
grid-site = 站台
role-cas = CAS
role-mailbox = 信箱
role-both = 兩者
grid-owed = 待還原
grid-offline = 離線
grid-proxies-off = 代理離線
grid-imap-off = IMAP離線
grid-pop-off = POP離線
grid-no-match = 沒有伺服器符合篩選條件 `{ $filter }`

## 橫幅
banner-training = 訓練
banner-production = 正式環境
banner-dry-run = 試跑
banner-read-only = 唯讀
banner-dry-run-meaning = 不實際執行
banner-read-only-meaning = 只讀不改
banner-record-not-written = 事故紀錄未寫入: { $reason }
banner-prober-behind = 探查落後: { $count } 個延遲，最久 { $late }
banner-behind = 落後 { $count } { $late }
banner-exchange-silent = Exchange: { $all } 台中有 { $silent } 台無判定
banner-exchange-silent-short = 無判定 { $silent }/{ $all }
banner-owed = { $count } 項待還原
banner-ledger-unread = 待還原清單讀取失敗
banner-filter = 篩選 `{ $filter }` { $shown }/{ $total }
banner-sorted = 依 { $key } 排序
banner-fleet-clock = 機群 +{ $clock }
banner-servers = { $count } 台伺服器
banner-prometheus-down = Prometheus 斷線: { $why }
banner-prometheus-down-short = PROM 斷線
banner-prometheus = Prometheus { $age }
banner-prometheus-short = PROM { $age }
banner-prometheus-warns = 警告: { $first }
banner-prometheus-reading = Prometheus: 讀取中…
banner-prometheus-reading-short = PROM …
banner-alertmanager-down = Alertmanager 斷線
banner-alertmanager-down-short = AM 斷線

## 狀態列
status-monitors = 監視器
status-more-in-help = （按 ? 看全文）
status-acked = 由 { $who } 確認至 { $until } UTC: { $comment }（{ $monitor }）
hint-next = 下一個
hint-open = 開啟
hint-filter = 篩選
hint-help = 說明
hint-quit = 結束
hint-select = 選取
hint-runbook = 操作手冊
hint-probe = 探查
hint-back = 返回
hint-run = 執行
hint-cancel = 取消
hint-skip = 略過
hint-escalate = 上報
hint-follow = 跟隨最新
hint-wrap = 自動換行
hint-back-to-fleet = 返回機群
hint-confirm = 確定
hint-abort = 中止
hint-run-them = 執行還原
hint-leave = 離開
hint-stay = 留下
hint-leave-running = 繼續執行
hint-run-unrecorded = 不記錄執行
hint-do-not-run = 不執行
hint-go = 送出
hint-back-out = 放棄
hint-clear = 清除
hint-apply = 套用
hint-complete = 自動完成
hint-earlier = 歷史命令
hint-close = 關閉

## 說明
help-title = 按鍵
help-grid-move = 在表格中移動
help-next-problem = 下一個／上一個狀況不良，再來是降級
help-grid-open = 查看選取格的詳細資料
help-grid-filter = 篩選伺服器：名稱、角色、站台或狀態
help-acknowledge = 確認狀況不良（Alertmanager 靜音）／解除確認
help-page = 上一頁／下一頁
help-grid-ends = 第一台／最後一台伺服器
help-grid-back = 清除篩選
help-drill-select = 選取監視器
help-drill-open = 開啟所選監視器的操作手冊
help-drill-probe = 立即執行此監視器的探查
help-drill-pay = 執行此伺服器待還原的步驟
help-drill-write-off = 將待還原項目標為已處理（輸入伺服器名稱與原因）
help-drill-ends = 第一個／最後一個監視器
help-drill-back = 返回表格
help-run-step = 執行下一步（失敗時重新執行）
help-cancel-step = 取消執行中的步驟（連同程序群組）；等待則立即重新檢查
help-skip-step = 略過失敗或選用的步驟；等待則立即重新檢查
help-escalate-step = 上報：交接給他人，需附原因
help-jump-ahead = 將流程跳到反白的步驟，需附原因
help-highlight-step = 反白步驟：查看其說明與命令
help-log-toggles = 記錄: 跟隨最新；自動換行；只看反白步驟的輸出
help-log-scroll = 捲動記錄
help-runbook-back = 返回；中途離開時會提供還原步驟（之後可接續）
help-close = 關閉說明
help-command-line = 命令列（按 Tab 列出可用命令）
help-help-suspend = 本說明（Esc 關閉）；暫停程式（fg 返回）
help-quit = 結束（有步驟執行中或有待還原步驟時會先詢問）
help-legend-marks = { $na } 此角色不適用   { $flap } 狀態反覆   時間: 離開狀況良好至今
help-last-message = 上一則訊息: { $message }
help-record = 事故紀錄:
help-log = 記錄檔: { $path }

## 視窗太小
too-small = 終端機視窗太小
too-small-size = { $width }x{ $height }，需要 { $min_width }x{ $min_height }
too-small-way-out = 請放大視窗，或按 q 結束
too-small-question-waiting = 有詢問待回答：請放大視窗後回答
## 說明：防護模式允許執行的項目（與 README 所述相同）
help-read-only = 唯讀: 只執行探查與讀取步驟（伺服器健康狀況、資料庫複本、記錄檔位置、信箱伺服器）；不執行任何會變更伺服器的動作
help-dry-run = 試跑: 每個步驟都顯示確切的命令（分支的兩種情況都列出）；不實際執行任何步驟

## 監視器規則
rule-consecutive = 連續 { $count } 次失敗
rule-within = { $window } 內失敗 { $count } 次
rule-latency = { $window } 內平均延遲 > { $limit } 秒
rule-queued = 佇列中的要求 > { $threshold }，持續 { $duration }

## 表格下方的問題清單
problems = { $count } 個問題，最嚴重的在前
problems-filtered = 篩選出的伺服器中有 { $count } 個問題，最嚴重的在前
problems-none = 沒有問題：畫面中的監視器皆為狀況良好、未知或已停用
problems-none-filtered = 篩選出的伺服器中沒有問題：畫面中的監視器皆為狀況良好、未知或已停用
problems-none-known = 無法得知狀態: { $why }
problems-more = … 還有 { $count } 個：按 n 逐一跳到
problems-for = 已持續 { $age }
problems-exchange-says = Exchange 判定為 { $alert }
problems-mean-latency = 平均命令延遲 { $seconds } 秒
problems-queued = 佇列中有 { $count } 個要求
problems-acked = 由 { $who } 確認至 { $until } UTC

## 詳細資料畫面
drill-source-simulator = 模擬器
drill-source-prometheus = Prometheus
drill-source-probe = healthdeck 探查
drill-flapping = 狀態反覆
drill-related = 相關健全設定: { $sets }
drill-label-last = 上次
drill-label-error = 錯誤
drill-label-unknown = 未知
drill-label-acked = 已確認
drill-label-source = 來源
drill-label-rule = 規則
drill-label-latency = 延遲
drill-label-depends = 相依性
drill-probe-every = { $probe } 每 { $interval } 一次
drill-cadence = 上次間隔 { $gap }
drill-cadence-late = 上次間隔 { $gap }，晚了 { $late }
drill-latency-of = 此伺服器上每個 { $protocol } 探查的延遲
drill-queue-metric = { $protocol } 佇列中要求數的計量
drill-depends-probes = 上方的探查
drill-depends-metric = 計量來源（模擬器；實際機群沒有）
drill-alert-firing = 觸發中
drill-alert-pending = 等待中
drill-alert-inactive = 未觸發
drill-alert-not-generated = 未產生
drill-alert-no-data = 無資料
drill-prometheus-alert = Prometheus 警示: { $alert }
drill-failing = 失敗 { $count }/{ $of }
drill-failing-over = 失敗 { $of }/{ $of }（目前共 { $count } 次）
drill-mean = ，平均 { $ms } ms
drill-queued-now = ，目前佇列中 { $count } 個
drill-cannot-run = 無法執行: { $why }
drill-nothing-feeds = 已停用: 此監視器沒有任何資料來源
drill-last-succeeded = { $age } 前成功，{ $ms } ms
drill-last-failed = { $age } 前失敗，{ $ms } ms
drill-no-probe = 沒有自己的探查；請看規則
drill-no-result = 尚無結果
drill-no-samples = 尚無樣本
drill-latencies = 最近 { $count } 次，最高 { $max } ms
drill-acked = { $who }，有效至 { $until } UTC: { $comment }
drill-owed-maybe = 待還原（可能）
drill-owed-since = 自 { $since } UTC 起，執行者 { $who }，{ $runbook }
drill-owed-run = 執行還原
drill-owed-write-off = 標為已處理（伺服器名稱 + 原因）
dep-authentication = 驗證
dep-mailbox-authentication = Mailbox Server 驗證
dep-high-availability = 高可用性
dep-networking = 網路功能
dep-information-store = 資訊儲存庫

## 詳細資料畫面：Exchange 本身的判定
exchange-waiting = 等候第一次回應
exchange-answered = { $age } 前已回應
exchange-answered-nothing = { $age } 前的回應沒有任何內容：無資料，視為未知
exchange-poll-failed = { $age } 前輪詢失敗: { $why }
exchange-said-last = 依 Exchange 上次的回報
exchange-requested-by = 要求者: { $who }
exchange-taken-offline = 已被設為離線：Proxy 操作手冊的元件步驟會將它重新設為 Active
exchange-not-a-seed = 不在 Microsoft 疑難排解文件之列（無操作手冊）
exchange-health-set = 健全設定為 { $state }
exchange-result-at = { $result }，於 { $at } UTC（{ $age } 前）
exchange-ran-at = 於 { $at } UTC 執行
exchange-no-execution = 未回報任何執行
exchange-stale = 過時: 這是 Exchange 較舊的結果（回報為 { $alert }）

## 操作手冊上方的對話框：確定、原因、離開、結束
prompt-confirm-title = 確定執行破壞性步驟
prompt-locked-by = { $server } 已被 { $holder } 鎖定；{ $why }。確定後會強制解除鎖定，並再次執行此步驟。
prompt-ran-before = 此步驟已於 { $at } 由 { $who } 執行過
prompt-confirm-type = 在 { $server } 上執行 { $step }（{ $action }）：請輸入伺服器名稱（{ $name }）後按 Enter；按 Esc 中止
prompt-confirm-refused = `{ $typed }` 不是 { $name }：未執行任何動作
prompt-write-off-title = 將待還原項目標為已處理
prompt-no-command = （無命令）
prompt-undoing-command = 還原命令: { $command }
prompt-write-off-say = 標為已處理表示已手動完成或不需要執行，所有主控台都會看到。請輸入 { $name }、一個空格和原因，再按 Enter；按 Esc 放棄。
prompt-escalate-title = 上報：交接給他人
prompt-escalate-say = 上報會在此結束流程：未執行的步驟會列為未執行，並在事故紀錄旁寫入一份交接摘要。
prompt-escalate-type = 請在一行內輸入原因；按 Enter 上報；按 Esc 留在流程中。
prompt-jump-title = 將流程跳到後面的步驟
prompt-jump-say = 將流程跳到 { $step }：之前的步驟不會執行，並記錄為已跳過。
prompt-jump-type = 請在一行內輸入原因；按 Enter 跳過去；按 Esc 留在原步驟。
prompt-ack-title = 確認
prompt-ack-say = 確認 { $server } 上的 { $monitor }：建立 Alertmanager 靜音，所有讀取它的主控台都會顯示，並會記錄下來。
prompt-ack-type = 請輸入時長（例如 2h）、一個空格和原因，再按 Enter；按 Esc 放棄。
prompt-budget-title = 重新啟動超出額度
prompt-budget-say = { $server } 上的 { $service } 已用完重新啟動額度：在多次流程中反覆重新啟動，會掩蓋重新啟動解決不了的問題。
prompt-budget-type = 若仍要重新啟動，請輸入原因（會記錄下來）；按 Enter 重新啟動；按 Esc 不重新啟動。
prompt-unrecorded-title = 事故紀錄未寫入
prompt-unrecorded-say = { $server } 上的 { $what } 將在不記錄的情況下執行：事故紀錄會先把能保留的內容留在記憶體中，等磁碟恢復可寫入時再寫入。
prompt-unrecorded-yes = 不記錄，照樣執行（這個選擇會記錄下來）
prompt-unrecorded-no = 不執行
prompt-leave-title = 中途離開
prompt-leave-owed = 仍待還原的步驟:
prompt-leave-item = { $server } 上的 { $step }
prompt-leave-running = 仍有步驟執行中：須等它結束，才能執行還原步驟
prompt-leave-run = 立即執行還原步驟
prompt-leave-quit = 結束；仍列為待還原（所有主控台都看得到）
prompt-leave-leave = 離開；仍列為待還原（所有主控台都看得到）
prompt-leave-quit-training = 結束；仍列為待還原（記在事故紀錄中：訓練模式的待還原只屬於本主控台）
prompt-leave-leave-training = 離開；仍列為待還原
prompt-leave-stay = 留在操作手冊
prompt-quit-title = 有步驟執行中
prompt-quit-cancel = 取消這些步驟，然後結束
prompt-quit-leave-training = 不管它們（訓練模式：模擬的步驟會隨主控台一起結束），然後結束
prompt-quit-leave = 讓它們繼續執行（主控台結束後仍會執行），然後結束
prompt-quit-stay = 留下，不結束

## 操作手冊窗格
pane-owed = 待還原:
step-pending = 待執行
step-confirm = 待確定
step-next = 下一步
step-running = 執行中
step-ran = 已執行
step-done = 完成
step-cancelled = 已取消
step-timed-out = 逾時
step-failed = 失敗
step-not-run = 未執行
step-shown = 僅顯示
step-passed = 已跳過
step-skipped = 已略過
step-call = 呼叫
step-back = 返回
step-undo = 還原
step-escalated = 已上報
pane-dry-run-passes = 試跑: 僅顯示，不執行；按 Enter 繼續
pane-read-only-passes = 唯讀: 不執行（此步驟會變更伺服器）；按 Enter 繼續
pane-destructive = 破壞性步驟: 按 Enter 後須輸入伺服器名稱（{ $name }）
pane-already-ran = 已於 { $at }{ $fleet } 由 { $who } 執行過
pane-ran = { $at }{ $fleet } 由 { $who } 執行: { $how }
pane-read-in = 讀到 { $read }，耗時 { $took } 秒
pane-exit-in = { $exit }，耗時 { $took } 秒
pane-fleet = 機群
pane-command-later = 輪到此步驟時才會顯示確切的命令
pane-budget-spent = 重新啟動額度（{ $service }）: 本流程已用過一次；之後的重新啟動不再扣除
pane-budget-left = 重新啟動額度（{ $service }）: 本小時剩 { $hour }/{ $per_hour } 次，今天剩 { $day }/{ $per_day } 次
pane-budget-next = ；下一次最早可在 { $at } UTC

## 記錄面板
log-title = 記錄
log-only = 只看 { $run }（o: 全部）
log-fleet-clock = 機群時鐘
log-dropped = 較早的 { $count } 行只保留在事故紀錄中
log-follow = 跟隨
log-paused = 暫停
log-wrap = 換行
log-cut = 截斷

## 步驟與操作手冊如何結束（事故紀錄中保留英文原文）
exit-succeeded = 成功
exit-failed-code = 失敗（結束代碼 { $code }）
exit-failed = 失敗
exit-timed-out = 逾時
exit-cancelled = 已取消
ending-transient = 自行恢復
ending-resolved = 已解決
ending-completed = 已完成
ending-escalated = 已上報
ending-aborted = 已中止
ending-not-finished-dry-run = 未完成（試跑）
ending-not-finished-read-only = 未完成（唯讀）
ending-left = 中途離開
read-probe-succeeded = 探查 Succeeded
read-probe-failed = 探查 Failed
read-no-active-copy = 已無作用中的複本
read-active-copies = 仍有作用中的複本
read-server-healthy = 伺服器狀況良好
read-server-unhealthy = 伺服器狀況不良
read-monitor-healthy = 監視器 Healthy
read-monitor-not-healthy = 監視器不是 Healthy
read-component-active = 元件 Active
read-component-inactive = 元件不是 Active
skip-only-if = 僅在 { $condition } 時執行
skip-passed-over = 已跳過: { $why }
skip-nothing-to-undo = 沒有需要還原的動作
skip-by-engineer = 由工程師略過
skip-no-mailbox = 未能識別信箱伺服器
skip-too-deep = 呼叫層數過深
skip-unknown-procedure = 所呼叫的程序不存在
skip-aborted = 流程在此中止
skip-dry-run = 試跑: 僅顯示，不執行
skip-read-only = 唯讀: 不執行
skip-escalated = 未執行: 已上報

## 記錄中的附註
note-ended = { $run } { $how }，耗時 { $took } 秒
note-runbook-over = 操作手冊結束: { $ending }
note-runbook-over-owed = 操作手冊結束: { $ending }；仍待還原: { $owed }
note-mailbox-assumed = 試跑: 信箱伺服器取自機群: { $server }
note-wait-elapsed = 等待 { $waited }/{ $wait } 分鐘後時間已到：立即重新檢查
note-wait-cancelled = 等待 { $waited }/{ $wait } 分鐘後取消：立即重新檢查
note-wait-skipped = 等待 { $waited }/{ $wait } 分鐘後略過：立即重新檢查
note-waiting = 等待 { $wait } 分鐘（至 { $until }），然後重新檢查
note-if = 若 { $when }
note-cancelling = { $run } 取消中…
note-handover = 交接摘要: { $path }
note-opened = 已開啟 { $runbook }: { $server } 上的 { $monitor }
note-resumed = 從上次離開處接續：按 Enter 執行下一步
note-restarts-count-once = 此操作手冊最多可能在 { $server } 上重新啟動服務 { $count } 次：同一次流程中的重新啟動只計入重新啟動額度一次（每小時 { $per_hour } 次，每天 { $per_day } 次）
note-owed-already = 此處已有待還原項目: { $owed }
note-owed = 待還原: { $owed }
note-maybe-owed = { $server } 上可能仍待還原 { $owed }：{ $step } 未成功但已執行；在執行還原或標為已處理之前，仍列為待還原
note-breaking-lock = 正在強制解除 { $holder } 對 { $server } 的鎖定

## 狀態列訊息
flash-still-owed = 仍待還原: { $owed }；按 q 結束
flash-step-failed = { $step } { $exit }：按 Enter 重新執行，s 略過，e 上報
flash-step-running = 有步驟執行中：按 c 取消
flash-waiting = 等待中：時間到會自動重新檢查；按 c 取消
flash-next-highlighted = 按 Enter 執行下一步（已反白）
flash-runbook-over = 操作手冊已結束（{ $ending }）：按 Esc 關閉
flash-no-longer-waiting = 此步驟已不再等待重新執行
flash-nothing-running = 沒有執行中的項目
flash-running-cancel-first = 有步驟執行中：請先按 c 取消
flash-cannot-skip = 只能略過失敗或選用的步驟
flash-nothing-to-escalate = 操作手冊已結束：沒有可上報的內容
flash-handover = 交接: { $name }
flash-handover-not-written = 交接摘要未寫入: { $why }
flash-runbook-still-open = { $server } 上 { $monitor } 的操作手冊仍開啟中：請先完成或離開
flash-runbook-not-failing = { $monitor } 為 { $alert }：降級或狀況不良時才會開啟其操作手冊
flash-runbooks-not-loaded = 操作手冊未能載入（請見 healthdeck lint）
flash-no-runbook = { $role } 伺服器上的 { $monitor } 沒有操作手冊
flash-cannot-open = 無法開啟 { $procedure }: { $error }
flash-step-goes-on = 步驟在背景繼續執行；在該監視器上按 Enter 即可回來
flash-undo-waits = 仍有步驟執行中：須等它結束才能執行還原步驟；按 l 結束，仍列為待還原
flash-quits-when-paid = 正在執行還原步驟；完成後主控台即結束
flash-cancelling-then-quit = 正在取消；接著會列出待還原項目（再按一次 q 立即結束）
flash-backed-out = 已放棄：未執行任何動作
flash-written-off = 已標為已處理: { $server } 上的 { $owed }
flash-nothing-owed-here = 此伺服器沒有待還原項目
flash-runbook-open = 操作手冊開啟中：請先完成或離開（Esc）
flash-owed-unknown-step = { $owed } 不是本主控台認得的操作手冊步驟：手動完成後，請按 x 標為已處理
flash-cannot-pay = 無法執行待還原步驟: { $error }
flash-not-confirmed = 未確定：未執行任何動作
flash-no-problem-in-view = 畫面中沒有狀況不良或降級的監視器
flash-exchange-no-probe = Exchange 未指定此監視器的探查：按 r 只會執行疑難排解文件所列的探查
flash-no-probe-of-its-own = { $monitor } 沒有自己的探查
flash-dry-run-not-run = 試跑: 未執行: { $command }
flash-probing-now = 正在 { $server } 上執行 { $probe }…
flash-probe-succeeded = { $what }: Succeeded
flash-probe-failed = { $what }: Failed（請看其上次的錯誤）
flash-probe-not-run = { $what }: 無法執行（{ $exit }）
what-rerun-probe = 重新執行 { $probe }
what-probe-on = { $server } 上的 { $probe }
flash-too-small = 終端機視窗太小：請放大視窗（或按 q 結束）
flash-exchange-own-monitor = 此監視器沒有操作手冊：它是 Exchange 本身的監視器，不在 Microsoft 疑難排解文件之列；其錯誤顯示於此
flash-not-run-on-role = { $set } 不在 { $server }（{ $role } 伺服器）上執行

## 無人看管期間（斷線後的報告）與啟動時的待還原項目
hangup-title = 無人看管期間
hangup-terminated = 主控台於 { $at } UTC 被終止（SIGTERM），當時有 { $steps } 執行中，{ $what }:
hangup-hung-up = 終端機於 { $at } UTC 斷線，當時有 { $steps } 執行中，{ $what }:
hangup-cancelled = 已將其取消
hangup-left-to-finish = 已讓其繼續執行到結束
hangup-quit-leaving = 主控台於 { $at } UTC 結束，留下 { $steps } 繼續執行:
hangup-steps = { $count } 個步驟
hangup-owed = 該工作階段結束時仍待還原的步驟（執行或標為已處理之前都會保留）:
hangup-step = #{ $run } { $title }（{ $server }，由 { $who } 啟動）: { $outcome }
hangup-ended = 於 { $at } { $exit }
hangup-ended-code = 於 { $at } { $exit }（結束代碼 { $code }）
hangup-ended-unknown = 於 { $at } { $exit }（結束代碼不明）
hangup-exit-ended = 已結束
hangup-still-running = 仍在執行（PID { $pid }）
hangup-gone = 已結束，結束方式不明（PID { $pid } 已不存在）
hangup-no-end = 事故紀錄中沒有它的結束資訊（主控台被強制終止了？）
hangup-record = 事故紀錄: { $path }
hangup-closing = 這些步驟的輸出在該工作階段的事故紀錄中。按任意鍵關閉。
owed-box-title = 待還原
owed-box-head = 此機群有 { $count } 項待還原（尚未執行）:
owed-box-closing = 在該伺服器的格子上按 Enter，再按 u 執行還原，或按 x 標為已處理（需附原因）。按任意鍵關閉。

## 命令列與確認
flash-sorted = 已依 { $key } 排序
flash-sort-keys = 可依 name、state、age、site 或 fleet 排序
flash-theme-usage = theme NAME: default、light、high-contrast、monochrome，或 YAML 檔
flash-nothing-owed = 此機群沒有待還原項目
flash-unknown-command = 沒有 `{ $command }` 這個命令；可用命令: { $known }
flash-theme = 佈景主題已改為 { $name }
flash-theme-not-changed = 佈景主題未變更: { $why }
flash-exported = 匯出檔已寫在事故紀錄旁: { $name }
flash-export-not-written = 匯出檔未寫入: { $why }
ack-too-short = 確認至少須持續一分鐘（例如 2h）
ack-too-long = 最長一週：靜音更久會掩蓋下一起事故
ack-why-missing = 時長之後還要輸入原因
ack-not-a-duration = `{ $typed }` 不是時長：請輸入例如 2h、一個空格和原因
ack-sending = 正在確認 { $server } 上的 { $monitor }…
ack-not-shared = 確認需要 Alertmanager：本主控台自行判定機群狀態（請在主機清單的 health.prometheus 中設定 alertmanager）
ack-nothing-here = 此處沒有已確認的項目
ack-expiring = 正在解除 { $server } 上 { $monitor } 的確認…
ack-no-alertmanager = 確認需要 Alertmanager：主機清單的 health.prometheus 未指定（alertmanager: http://HOST:PORT）
ack-no-server = 未選取伺服器
ack-only-own-monitors = 此處只能確認 healthdeck 的監視器
ack-cell-has-none = 只能確認狀況不良的監視器：此格沒有
ack-not-run-here = 此處不執行的監視器
ack-not-unhealthy = 只能確認狀況不良的監視器：{ $monitor } 為 { $alert }
ack-already = { $monitor } 已確認過：按 A 解除確認
ack-done = 已確認 { $server } 上的 { $monitor }，有效至 { $until } UTC
ack-expired = 已解除 { $server } 上 { $monitor } 的確認
ack-refused = Alertmanager 拒絕: { $why }

## 事故紀錄匯出（Markdown）：Markdown 標記（** 與 `）須保留在相同的字詞前後
export-title = 事故紀錄 { $name }
export-session = 工作階段
export-engineer = 工程師
export-host = 主機
export-host-pid = { $host }（pid { $pid }）
export-ssh = SSH 連線
export-ssh-none = 無（本機終端機）
export-mode = 模式
export-dry-run = 試跑
export-read-only = 唯讀
export-language = 語言
export-recorded-by = 記錄工具
export-started = 開始
export-ended = 結束
export-ended-at = 於 { $at } { $reason }
export-not-ended-yet = 尚未結束：本摘要是在主控台執行期間寫下的
export-not-ended = 未記錄：主控台被強制終止，或仍在執行中
export-duration = 歷時
export-duration-fleet = { $wall }（機群時鐘: { $fleet }）
export-yes = 是
export-no = 否
export-none = 無
export-reason-quit = 結束
export-reason-hangup = 斷線（SIGHUP）
export-reason-sigterm = 被終止（SIGTERM）
export-timeline = 時間軸
export-times = 時間為 UTC 實際時間。
export-times-on = 時間為 UTC 實際時間，日期為 { $day }。
export-times-training = 時間為 UTC 實際時間；括號內為訓練機群的時鐘，走得比實際快。等待與步驟耗時皆以機群時間計。
export-times-on-training = 時間為 UTC 實際時間，日期為 { $day }；括號內為訓練機群的時鐘，走得比實際快。等待與步驟耗時皆以機群時間計。
export-fleet-at = 機群 { $time }
export-fleet-span = { $span }（機群時鐘）
export-torn = 注意：最後一行不完整（主控台被強制終止），未列入。
export-list = { $rest } 和 { $last }
export-no-output = 沒有輸出
export-output-lines = { $count } 行輸出
export-output-lines-stderr = { $count } 行輸出（其中 { $stderr } 行在 stderr）
export-step-output = 步驟輸出
export-step-output-about = `!` 標示 stderr 上的行。輸出過長時只顯示前 { $head } 行與最後 { $tail } 行；事故紀錄保留全部內容。
export-run-not-started = #{ $run }（未記錄其開始）
export-more-lines = … 事故紀錄中還有 { $count } 行

## 事故紀錄匯出：時間軸項目
export-run = 步驟 #{ $run }
export-run-step = { $server } 上的步驟 #{ $run } { $step }
export-run-compensation = { $server } 上的還原步驟 #{ $run } { $step }
export-session-again = 再次出現工作階段標頭: { $host } 上的 { $user }（pid { $pid }）
export-runbook-opened = 已開啟 { $server } 上 **{ $monitor }** 的操作手冊: { $title }（{ $procedure }）
export-step-started = { $by } 在 { $server } 上開始步驟 #{ $run } **{ $title }**（{ $step }）
export-compensation-started = { $by } 在 { $server } 上開始還原步驟 #{ $run } **{ $title }**（{ $step }）
export-step-ended = { $run } **{ $exit }**{ $code }，耗時 { $duration }；{ $outputs }
export-exit-code = （結束代碼 { $code }）
export-facts = 檢查結果: { $facts }
export-cancel-asked = { $by } 要求取消 { $run }
export-hangup = **終端機斷線**，當時 { $running } 執行中；處置方式 { $policy }，其輸出仍照常記錄
export-owed-on-fleet = **機群上待還原**: { $owed }
export-session-ended = 工作階段結束: { $reason }
export-left-running = **留下繼續執行**: { $runs }
export-record-gap = **紀錄缺漏**: { $lines } 行輸出（{ $bytes } 位元組）未保留（{ $reason }）
export-unrecorded-ran = **事故紀錄未寫入**（{ $reason }）: { $by } 選擇在不記錄的情況下照樣執行 { $server } 上的 { $what }
export-unrecorded-not-run = **事故紀錄未寫入**（{ $reason }）: { $by } 選擇在無法記錄時不執行 { $server } 上的 { $what }
export-engine-refused = **操作手冊引擎拒絕** { $procedure } 中的 { $asked }: { $error }
export-skipped = 已略過 { $server } 上的 { $step }: { $reason }
export-skipped-would = 已略過 { $server } 上的 { $step }: { $reason }；原本會執行
export-confirmation = { $by } 為確定在 { $server } 上執行 { $step } 而輸入: { $typed }，**{ $verdict }**
export-typed-nothing = 無
export-accepted = 已接受
export-refused = 已拒絕
export-offered = 提供 { $procedure } 的還原步驟: { $owed }
export-chose-run = { $by } 選擇**執行** { $procedure } 的還原步驟: { $owed }
export-chose-not-run = { $by } 選擇**不執行** { $procedure } 的還原步驟: { $owed }
export-closed = 操作手冊 { $procedure } 已結束: **{ $ending }**；沒有遺留未執行的還原步驟
export-closed-owed = 操作手冊 { $procedure } 已結束: **{ $ending }**；**遺留未執行的還原步驟: { $owed }**
export-drill-started = **演練開始**: { $scenario }（機群時間 { $minutes } min）: { $objective }
export-drill-ended = **演練結束**: { $end }，得分 { $score }/100
export-drill-healed = 已修復
export-drill-budget-over = 超出時限
export-drill-quit = 中途結束
export-examined-drill-down = 首次查看 { $server } 上的 { $monitor }（詳細資料畫面）
export-examined-cell = 首次查看 { $server } 上的 { $monitor }（表格中的格子）
export-transition = { $server } 上的 **{ $monitor }**{ $source }: { $from } → { $to }
export-prometheus = Prometheus: { $state }
export-prometheus-why = Prometheus: { $state }（{ $why }）
export-exchange = Exchange 對 { $server } 的判定: { $state }
export-exchange-why = Exchange 對 { $server } 的判定: { $state }（{ $why }）
export-exchange-many = Exchange 對 { $count } 台伺服器的判定: { $state }{ $why }: { $servers }{ $more }
export-and-more = 及另外 { $count } 台
export-acknowledged = { $server } 上的 **{ $monitor }** 由 { $by } 確認至 { $until } UTC: { $comment }（靜音 { $silence }）
export-ack-expired = { $by } 解除了 { $server } 上 **{ $monitor }** 的確認（靜音 { $silence }）
export-ack-failed = 確認 { $server } 上的 **{ $monitor }** 失敗: { $why }
export-undo-with = 還原命令
export-no-command = 未記錄命令
export-owed = { $server } 上**待還原**: **{ $title }**（{ $step }），因為 { $by } 執行的 { $cause } 已成功
export-owed-maybe = { $server } 上**待還原（可能）**: **{ $title }**（{ $step }），因為 { $by } 執行的 { $cause } 已開始
export-cleared-ran = { $server } 上的還原步驟 { $step } **已清除**: 已執行且成功（執行者 { $by }）
export-written-off = { $server } 上的還原步驟 { $step } 由 { $by } **標為已處理**: { $reason }
export-written-off-no-reason = { $server } 上的還原步驟 { $step } 由 { $by } **標為已處理**，未附原因
export-cleared-how = { $server } 上的還原步驟 { $step } 由 { $by } **清除**（{ $how }）
export-every-step-ran = 所有步驟皆已執行
export-not-run = 未執行: { $steps }
export-escalated = { $by } **上報**了 { $server } 上的 { $procedure }: { $reason }；{ $not_run }
export-handover-written = 已寫入 { $server } 上 { $procedure } 的交接摘要: { $path }
export-passed-over = { $by } 在 { $server } 上**跳過** { $steps }，直接跳到 { $to }: { $reason }
export-over-budget = { $by } 允許在 { $server } 上重新啟動 { $service }，**超出其重新啟動額度**: { $reason }
export-detached = { $run } 由 { $by } **留下繼續執行**（{ $pid }）: 已脫離主控台，主控台結束後仍會執行
export-pid = pid { $pid }
export-pid-unknown = pid 不明
export-wait-started = { $server } 上的 { $step } 開始等待 **{ $span }**，至 { $until }；之後重新檢查
export-wait-ended = { $server } 上 { $step } 的等待於 { $waited } 後**{ $how }**；接著重新檢查
export-wait-ended-by = { $by } 在等待 { $waited } 後**{ $how }**了 { $server } 上 { $step } 的等待；接著重新檢查
export-wait-elapsed = 到期
export-wait-cancelled = 取消
export-wait-skipped = 略過
export-schedule = 探查在 { $span } s 內: { $ran } 次探查中 { $on_time } 次準時，略過 { $skipped } 次執行，最晚延遲 { $late } s（允許同時執行 { $limit } 個，上限 { $ceiling }）
export-caught-up = 探查**已趕上**排程
export-behind = **探查落後**: { $late } 個探查延遲，最多晚 { $by } s: { $why }
export-stale = **{ $count } 個監視器變為過時**（狀況良好 → 未知）
export-stale-behind = **{ $count } 個監視器變為過時**（狀況良好 → 未知），當時探查落後
export-fresh = **{ $count } 個監視器恢復回應**（未知 → 狀況良好）
export-at-once = { $what }: { $which }；伺服器: { $servers }{ $more }

## 事故紀錄匯出：遺留未處理的項目，以及上報時的交接摘要
export-left-undone = 遺留未處理
export-left-undone-nothing = 無：本紀錄中所有待還原項目皆已清除。
export-left-undone-about = 本紀錄中待還原且從未清除的還原步驟：各伺服器可能仍停在恢復到一半的狀態。請執行命令，或在主控台的詳細資料畫面中標為已處理。
export-undone = **{ $title }**{ $maybe }，**{ $server }**（{ $step }），自 { $since } 起待還原（執行者 { $by }），起因為 { $cause }
export-undone-maybe = （可能：其步驟已開始但從未成功）
handover-title = 交接: { $server } 上的 { $procedure }
handover-escalated = { $by } 於 { $at } 上報: { $reason }。
handover-not-run = 未執行: { $steps }。
handover-from-start = 自工作階段開始
handover-from-opening = 自操作手冊於 { $at } 開啟起
handover-part = 這是事故紀錄 { $record } 中此操作手冊的部分，{ $from }至上報為止；其餘內容請看事故紀錄本身。
handover-owed = 機群上的待還原項目
handover-owed-nothing = 上報操作手冊時，機群上沒有待還原項目。
handover-owed-about = 上報操作手冊時整個機群上的待還原項目：每一項在執行或標為已處理之前，都會讓一台伺服器停在恢復到一半的狀態。

## 演練檢討（畫面與匯出檔）
debrief-healed = 故障出現後 { $after } 修復（時限 { $budget }）
debrief-not-healed = 未在時限內修復（{ $budget }）
debrief-left = 修復前就離開（時限 { $budget }）
debrief-detect = 偵測（{ $after }）
debrief-runbook = 選對操作手冊（{ $after }）
debrief-mitigate = 緩解（{ $after }）
debrief-path = 預期路徑
debrief-safety = 安全性
debrief-twice = { $lesson }（兩次）
debrief-times = { $lesson }（{ $count } 次）
debrief-repeat = 種子 { $seed }: 執行 healthdeck drill --scenario random --seed { $seed } 即可重現。
debrief-title = 演練檢討
debrief-score = { $scenario }: 得分 **{ $score }/100**，{ $ending }。
debrief-part = 項目
debrief-points = 分數
debrief-timeline = 時間軸，與預期路徑對照
debrief-expected-path = 預期: { $server } 上的 { $runbook }，步驟 { $steps }（針對 { $monitor }）。
debrief-at = 時間
debrief-happened = 實際經過
debrief-expected = 預期
debrief-findings = 發現事項
debrief-no-findings = 無：沒有任何不安全的操作。
debrief-head = { $scenario }: 得分 { $score }/100，{ $ending }。
debrief-no-unsafe = 沒有任何不安全的操作。
debrief-closing = 檢討已寫在事故紀錄旁。按 q 結束，按 Esc 返回機群。
debrief-more-steps = 還有 { $count } 個步驟：請看 Markdown 檔
debrief-expected-on = 預期（{ $server }）
debrief-what-happened = 實際經過
debrief-beat-fault = 故障: { $monitor } @{ $server } 失敗
debrief-beat-looked = 查看了失敗的監視器
debrief-beat-see = 發現失敗的監視器
debrief-beat-reached = 已開啟 { $runbook } @{ $server }
debrief-beat-open = 開啟 { $runbook }
debrief-beat-healthy = { $monitor } 恢復狀況良好
debrief-beat-healed = 由 { $heals } 修復
debrief-lesson-not-at-fault = 您在沒有故障的 { $server } 上執行了 { $step }（{ $action }）：執行破壞性步驟前，請先在表格和詳細資料畫面中找出失敗監視器所在的伺服器
debrief-lesson-wrong-service = 您重新啟動了 { $server } 上的 { $service }，但失敗的不是這個服務：請先看詳細資料畫面（監視器的目標服務；若是 CTP 探查，則看其錯誤訊息所指的信箱伺服器）
debrief-lesson-failover-healthy = 您對狀況良好的 { $server } 執行了容錯移轉：執行破壞性步驟前，請先查看詳細資料畫面中的監視器
debrief-lesson-while-healthy = { $monitor } 已經是狀況良好，您仍在 { $server } 上執行了 { $step }：請先重新執行探查；已恢復的監視器不需要修復
debrief-lesson-skipped-verification = 您沒有執行 { $procedure } 的驗證步驟，就在 { $server } 上執行了 { $step }：做任何變更前，請先檢查問題是否仍然存在
debrief-lesson-owed = 您離開時，{ $server } 上仍有 { $steps } 待還原：離開前請先執行還原步驟（或附上原因標為已處理）
debrief-lesson-escalated-solved = 您上報時，{ $server } 上的 { $monitor } 已恢復狀況良好：交接前請先重新執行探查，不要交接已經不存在的問題

## 狀態列訊息：探查的進度，以及因事故紀錄無法寫入而未開始的步驟
flash-prober-behind = 探查落後（{ $late } 個延遲）: { $why }
pace-at-ceiling = 已達同時執行的上限 { $ceiling } 個：請調高 probes.ceiling
pace-slow-servers = 伺服器回應速度跟不上排程
flash-not-started-unrecorded = { $what } 未開始執行：事故紀錄未寫入
flash-not-started = { $server } 上的 { $what } 未開始執行

## `healthdeck check`（第一行是 Nagios 的格式，保持原樣）與 `healthdeck lint`
check-not-run = 未執行: { $why }
check-succeeded = 成功，耗時 { $took }
check-exchange-poll = Exchange 輪詢: { $why }
check-exchange-healthy = Exchange: { $count } 個監視器皆為 Healthy
check-exchange-monitor = Exchange: { $alert }
check-stale = 過時
check-requested-by = 要求者: { $requesters }
check-exchange-nothing = Exchange 的回應沒有任何內容：無資料，不視為狀況良好
check-exchange-no-monitor = Exchange 未回報 IMAP 或 POP 健全設定的任何監視器
lint-clean = 已檢查 { $files } 個檔案：沒有發現問題
lint-findings = 已檢查 { $files } 個檔案：發現 { $count } 個問題

## `healthdeck replay`：橫幅、按鍵、已播放的項目，以及事故紀錄留下的操作手冊狀態
replay-keys = q 結束  space 播放／暫停  l/h 逐筆  +/- 速度  g/G 開頭／結尾  j/k 伺服器
replay-no-server = 事故紀錄中沒有任何伺服器
replay-paused = 暫停
replay-banner = 重播 唯讀 { $position }/{ $len } | { $state } | { $clock } | { $name }
replay-transition = { $server } 上的 { $monitor }: { $from } -> { $to }
replay-examined = 查看了 { $server } 上的 { $monitor }
replay-runbook-opened = 已開啟操作手冊: { $title } @{ $server }
replay-step-ended = #{ $run } { $exit }，耗時 { $seconds } s
replay-confirmed = { $step } @{ $server } 已確定，由 { $by } 輸入
replay-refused = { $step } @{ $server } 已拒絕，由 { $by } 輸入
replay-skipped = { $step } 已略過: { $reason }
replay-wait = { $step }: 等待 { $minutes } min
replay-waited = { $step }: 等待 { $seconds } s 後{ $how }
replay-closed = 操作手冊已結束: { $ending }
replay-escalated = 已上報 @{ $server }: { $reason }
replay-drill-ended = 演練結束: { $end }，得分 { $score }/100
replay-earlier-steps = 較早的 { $count } 個步驟
replay-output = 輸出
replay-output-earlier = 輸出，較早的 { $count } 行在事故紀錄中
replay-typed-by = 由 { $by } 輸入
replay-refused-by = 已拒絕（{ $by }）
replay-running = 執行中
replay-wait-min = 等待 { $minutes } min
replay-undo = （還原）
replay-after-s = 已等 { $seconds } s
replay-after-min = 已等 { $minutes } min
replay-skipped-reason = 已略過: { $reason }
replay-session-ended = 工作階段結束: { $reason }
replay-hangup = 終端機斷線
replay-owed = 待還原 @{ $server }: { $title }
replay-owed-cleared = 已清除 @{ $server }: { $step }
replay-drill-started = 演練開始: { $scenario }
replay-acknowledged = 已確認: { $monitor } @{ $server }

## 機群上待還原的一項，一行說明（帳冊保留其英文原文）
debt-line = { $server } 上的 { $title }: 自 { $since } UTC 起待還原（執行者 { $by }，{ $procedure }/{ $cause }）
debt-line-maybe = { $server } 上的 { $title }（可能）: 自 { $since } UTC 起待還原（執行者 { $by }，{ $procedure }/{ $cause }）

## 輸入名稱確定：步驟所屬的監視器目前的狀態（事故紀錄保留英文原文）
confirm-now = 目前: { $server } 上的 { $monitor } 為 { $alert }
confirm-now-for = 目前: { $server } 上的 { $monitor } 為 { $alert }，已持續 { $minutes } min
confirm-healthy-now = { $monitor } 目前為 { $healthy }：此步驟可能不需要執行
confirm-unknown = 監視器狀態為 { $unknown }：沒有任何跡象顯示此伺服器失敗
confirm-error-names = 探查的錯誤訊息提到 { $other }，它也在失敗：故障可能在那裡，而不在 { $server }
confirm-not-failing-here = { $server } 上沒有失敗的 { $protocol } 監視器：故障可能不在這台伺服器

## 原因對話框或跳轉為何還不能執行（已輸入的內容會保留）
refuse-reason-needed = 必須填寫原因：請在一行內輸入，再按 Enter
refuse-write-off-why = 請在名稱後面加上原因：未將任何項目標為已處理
refuse-write-off-name = `{ $typed }` 不是 { $name }：未將任何項目標為已處理
refuse-step-running-cancel = 有步驟執行中：請按 Esc，再按 c 先取消它
refuse-step-running-wait = 有步驟執行中：請按 Esc，然後等它結束，或按 c 取消它
refuse-jump-ahead = > 只能將流程跳到後面的步驟：請按 Esc，再反白其中一個（j/k）
refuse-owed-in-between = 無法跳過去：中間的 { $step } 仍待還原：請先執行它（或將它標為已處理）
refuse-cannot-move = 無法跳過去: { $why }
flash-output-highlight = 按 o 可顯示步驟的輸出：請反白一個已執行的步驟

## 演練開始時狀態列的第一句話
flash-drill = 演練: { $objective }（機群時間 { $budget }；q 結束）

## Runbook titles a record holds, as a reader shows them
title-resumed = { $title }（接續）
title-paying = { $procedure } 的待還原項目

## 主控台對步驟的說明：為何如此結束、為何未開始（事故紀錄保留英文原文）
said-as-is = { $text }
said-and = { $first }；{ $then }
said-timed-out = { $secs } s 後逾時；已終止其程序群組
said-output-held-open = 程序群組已終止，但其輸出仍未關閉，可能是有程序脫離了該群組；已停止讀取
said-let-go = 命令已結束，但它啟動的程序過了 2 s 仍佔用其輸出：它們之後印出的內容不會被擷取
said-cancelled-killed = 已取消；已終止其程序群組
said-killed-by = 被 { $signal } 終止
said-killed-by-core = 被 { $signal } 終止（已產生 core dump）
said-ended-with = 已結束: { $status }
said-command-empty = 無法啟動此步驟：命令是空的
said-cannot-start = 無法啟動 `{ $program }`: { $error }
said-not-all-recorded = 輸出未能完整記錄: { $error }
said-lock-not-kept = 無法維持伺服器的鎖定: { $refusal }
said-lock-lost = 已失去伺服器的鎖定: { $error }
said-unknown-exit = 主控台結束時留下繼續執行；結束狀態不明（其父程序，即主控台，已結束）
said-cannot-run-here = { $why }：此步驟無法在這裡執行
said-no-lock-dir = 未設定鎖定目錄
said-no-credentials = 沒有探查用的認證
said-no-probes = 本主控台不執行探查
said-no-simulator = 沒有執行中的訓練模擬器
said-broken = 主控台執行此步驟時出錯（程式 bug: { $panic }）；命令可能已執行：請先檢查伺服器再繼續
said-sim-cancelled = 在模擬器執行之前就已取消；模擬的機群未受影響
said-sim-late-cancel = 取消送達時，模擬器已執行了此步驟；沒有任何動作被還原
said-unreadable-output = 無法讀取輸出（{ $why }）：未取得任何檢查結果
said-unread-gate = 輸出未提及 { $fact }：未取得任何檢查結果

## 步驟為何未執行：其伺服器被另一個主控台鎖定，或其重新啟動額度已用完
said-locked = { $server } 已被鎖定，鎖定者為 { $holder }：未執行任何動作
said-locked-stale = { $server } 已被鎖定，鎖定者為 { $holder }；{ $stale }
said-lock-io = 無法取得鎖定: { $error }
said-nothing-ran = { $why }：未執行任何動作
said-holder = { $host } 上的 { $owner }（pid { $pid }），自 { $since } 起執行 { $action }，上次心跳 { $heartbeat }
said-locked-by = 已被鎖定，鎖定者為 { $holder }
said-locked-by-stale = 已被鎖定，鎖定者為 { $holder }；{ $stale }
said-abandoned = 鎖定似乎已被棄置: { $why }
said-untrusted = 鎖定的心跳不可信: { $why }
said-dead-pid = 它的程序已不在此主機上執行
said-no-heartbeat = 已 { $age } 沒有心跳
said-lock-unreadable = 鎖定檔無法讀取，且已超過 2 min 未變更
said-future-heartbeat = 上次心跳的時間比此主機的時鐘超前 { $ahead }，超過兩個時鐘容許的誤差 { $skew } s：其中一個時鐘有誤，因此無法判斷鎖定者是否仍在執行
said-restarted = { $server } 上的 { $service } { $windows }
said-restarted-hour = 過去 1 小時內已重新啟動 { $count ->
   *[other] { $count } 次
}（上限每小時 { $limit } 次）
said-restarted-day = 過去 24 小時內已重新啟動 { $count ->
   *[other] { $count } 次
}（上限每天 { $limit } 次）
said-both = { $first }，{ $then }
said-next-restart = { $restarted }：最早可於 { $at } 再重新啟動
said-restarts-off = { $restarted }：上限為 0 即表示不允許重新啟動
said-at = { $time }（{ $wait } 後）
said-at-tomorrow = 明天 { $time }（{ $wait } 後）
said-at-on = { $date } { $time }（{ $wait } 後）

## 此主控台在此平台上無法執行的步驟
said-no-command = 沒有在 { $server } 上執行 { $action } 的命令：請手動完成，再按 s 略過
said-person-job = { $action } 須由人親自處理
said-refused-value = 尚未執行任何動作即被拒絕: { $rejected }
said-no-agent = 此機群由 Prometheus 判定狀態，而主機清單未指定 agent（health.prometheus.agent）：本主控台不執行任何探查
said-probe-cannot-run = { $probe } 無法在 { $server } 上執行（主機清單中沒有端點或認證）
said-its-probe = 它的探查
said-not-in-fleet = { $server } 不在此機群中

## What is wrong in a file (runbooks, inventory, scenarios, themes, keys), after file:line:column
finding-yaml-tab = 定位字元：YAML 只能用空格縮排
finding-yaml-second-document = 第二份 YAML 文件從這裡開始：一個檔案只能有一份（請刪除 `---` 這一行或分割檔案）
finding-yaml-alias-bomb = 別名展開後過大（別名炸彈？）：第一個重複其他別名的別名在這裡
# 執行前就被拒絕的值：先是值，再是原因（$reason：下方的 finding-value-* 之一，寫成接在值後面的述語）。
finding-value-rejected = `{ $value }` { $reason }
# $what：finding-value-what-name、-host 或 -login。
finding-value-empty = 值是空的，此處需要{ $what }
finding-value-what-name = 名稱
finding-value-what-host = 主機名稱
finding-value-what-login = 登入名稱
finding-value-line-break = 含有換行字元，會使命令在此結束
finding-value-blank = 含有空白，會被拆成兩個字詞
finding-value-control = 含有控制字元 `{ $char }`
finding-value-not-ascii = 含有 `{ $char }`（{ $code }），不是純 ASCII；看似引號或分隔符號的相似字元常藏在這類字元中
finding-value-shell-sign = 含有 `{ $char }`，shell 會對它做特殊處理
finding-value-not-allowed = 含有 `{ $char }`，{ $what }不能含有此字元
finding-value-dash-option = 以 `-` 開頭，命令會將它視為選項
finding-value-dash-ssh = 以 `-` 開頭，ssh 會將它視為選項
finding-value-login-start = 不是以字母或 `_` 開頭，不符合登入名稱的規則
finding-value-too-long = 長達 { $length } 個字元；{ $what }最多 { $max } 個字元
finding-value-empty-label = 兩個點之間有空的標籤
finding-value-long-label = 有一段標籤長達 { $length } 個字元；DNS 標籤最多 { $max } 個字元
finding-value-label-dash = 有標籤以 `-` 開頭或結尾，DNS 名稱不允許這樣
# 值不能含有的字元，接在「含有」後面（finding-inventory-contains 等）。
finding-char = 字元 `{ $char }`
finding-char-space = 空格
finding-char-control = 控制字元（{ $code }）
finding-char-whitespace = 空白字元（{ $code }）
finding-char-not-ascii = 非 ASCII 字元 `{ $char }`（{ $code }）
# 主機清單：file:line:column 之後是欄位（$field：`servers[1].imap[0].host`），再來是問題所在。
finding-inventory-field = { $field }: { $finding }
# 問題所在，再附上規則（$rule：finding-inventory-rule-*）。
finding-inventory-with-rule = { $finding }（{ $rule }）
finding-inventory-rule-server-name = 伺服器名稱即主機名稱：只能用 ASCII 字母、數字、`-` 與 `.`，每段標籤最多 63 個字元，全長最多 253 個字元
finding-inventory-rule-host = 主機是由 ASCII 字母、數字、`-` 與 `.` 組成的 DNS 名稱，或 IPv4、IPv6 位址
finding-inventory-server-name-empty = 伺服器名稱是空的
finding-inventory-host-empty = 主機是空的
finding-inventory-starts-with-dash = `{ $value }` 以 `-` 開頭
finding-inventory-contains = `{ $value }` 含有{ $char }
finding-inventory-host-brackets = `{ $host }`: IPv6 位址請不要加方括號
finding-inventory-env-name = `{ $name }` 不是環境變數名稱（只能用 ASCII 字母、數字與 `_`，且不能以數字開頭）
finding-inventory-name-empty = 主機清單名稱是空的
finding-inventory-name-refused = `{ $value }` 含有{ $char }（主機清單名稱只能用可列印的 ASCII 字元）
finding-inventory-name-too-long = 主機清單名稱超過 { $max } 個字元
finding-inventory-site-empty = 站台是空的
finding-inventory-site-refused = `{ $value }` 含有{ $char }（站台只能用可列印的 ASCII 字元）
finding-inventory-site-too-long = 站台超過 { $max } 個字元
finding-inventory-file-name = 檔名 `{ $stem }` 不能當作主機清單名稱：請加上 `name:`（可列印的 ASCII 字元，最多 { $max } 個字元）
finding-inventory-password-written = 不接受直接寫在主機清單中的密碼：請寫在權限模式為 0600 的檔案（{"{"} file: PATH {"}"}）或環境變數（{"{"} env: NAME {"}"}）中
finding-inventory-user-empty = 使用者名稱是空的
finding-inventory-user-control = `{ $user }` 含有控制字元：IMAP 與 POP3 無法傳送
finding-inventory-path-empty = 檔案路徑是空的
finding-inventory-probes-in-flight = 同時執行的探查數必須介於 1 到 { $max }
finding-inventory-probe-interval = 探查間隔必須大於零
finding-inventory-probe-timeout = 探查逾時必須大於零
finding-inventory-probe-timeout-long = { $timeout } 比探查間隔 { $interval } 長：探查會越積越多
finding-inventory-unknown-monitor = 未知的監視器 `{ $monitor }`（已知: { $known }）
# $rule：rule-* 訊息之一；$shape：此監視器規則所用的 YAML 格式。
finding-inventory-rule-misfit = `{ $rule }` 不適用於 { $monitor }：請改用 { $shape }
finding-inventory-interval-short = { $interval } 比探查逾時 { $timeout } 短：探查會越積越多
finding-inventory-no-credentials = 沒有 `credentials:`：需要登入的探查（CTP、deep test）無法執行
finding-inventory-credential-line-break = 此值含有換行字元或 NUL，IMAP 與 POP3 無法傳送
finding-inventory-no-ca-file = 在 { $path } 找不到 CA 檔
finding-inventory-credential-mode = { $path } 的權限模式為 { $mode }：認證檔必須是 0600 或更嚴格（chmod 600 { $path }）
finding-inventory-env-unset = 未設定環境變數 { $variable }：請先 export 再執行探查
finding-inventory-env-not-utf8 = 環境變數 { $variable } 不是 UTF-8
finding-inventory-env-empty = 環境變數 { $variable } 是空的
finding-inventory-credential-unreadable = 無法讀取 { $path }: { $error }
finding-inventory-not-credential-file = { $path } 不是認證檔（應為小型文字檔）
finding-inventory-credential-file-empty = 認證檔是空的
finding-inventory-managed-not-exchange = Managed Availability 是 Exchange 的功能：需要 `platform: exchange`
finding-inventory-poll-interval = 輪詢間隔至少須為 1s
finding-inventory-poll-timeout = 輪詢逾時至少須為 1s
finding-inventory-poll-timeout-long = { $timeout } 比輪詢間隔 { $interval } 長：輪詢會越積越多
finding-inventory-polls-in-flight = 同時進行的輪詢數必須介於 1 到 { $max }
finding-inventory-agent-address = agent `{ $agent }` 不是 HOST:PORT 格式（例如 127.0.0.1:9141）
finding-inventory-refresh = 重新整理間隔至少須為 1s
finding-inventory-read-timeout = 逾時至少須為 100ms
finding-inventory-no-servers = 主機清單中沒有任何伺服器
finding-inventory-server-twice = 伺服器 `{ $server }` 列了兩次（先前為 `{ $first }`；比較名稱時不分大小寫）
finding-inventory-no-endpoint = 伺服器 `{ $server }` 沒有端點：請指定 `imap:` 或 `pop3:`（或交由 Exchange 監看: `health: {"{"} managed_availability {"}"}`）
finding-inventory-mailbox-unknown = `{ $server }` 不是此主機清單中的伺服器
# $role：cas、mailbox 或 both，與主機清單中的寫法相同。
finding-inventory-mailbox-not-mailbox = `{ $server }` 是 { $role } 伺服器，不是信箱伺服器
finding-inventory-mailbox-not-cas = 只有 CAS 伺服器才有監視信箱
finding-inventory-port = 連接埠 { $port } 超出範圍（1 到 65535）
finding-inventory-server-name-plain = 憑證名稱需要搭配 `tls: starttls` 或 `tls: implicit`
finding-inventory-second-implicit = 第二個 implicit TLS 端點：每個通訊協定最多只能有一個未加密或 STARTTLS 端點，以及一個 implicit TLS 端點
finding-inventory-second-plain = 第二個未加密或 STARTTLS 端點：每個通訊協定最多只能有一個未加密或 STARTTLS 端點，以及一個 implicit TLS 端點
finding-inventory-unknown-action = 未知的動作 `{ $action }`
finding-inventory-command-empty = 命令是空的：請指定程式及其引數
finding-inventory-command-control = `{ $word }` 含有控制字元
finding-inventory-pwsh-program = PowerShell 執行檔是空的或含有控制字元
finding-inventory-restarts = 每小時 { $hour } 次重新啟動，超過每天允許的 { $day } 次
finding-inventory-exchange-transport = Exchange 步驟是 cmdlet：須透過 `pwsh`（PowerShell 遠端處理）執行
finding-inventory-linux-pwsh = `pwsh` 用於執行 Exchange cmdlet：linux 伺服器請用 `local` 或 `ssh`
finding-inventory-ssh-unused = `ssh:` 只用於 `transport: ssh`
finding-inventory-ssh-config = 在 { $path } 找不到 ssh 設定檔
# Prometheus 或 Alertmanager 的 URL（主機清單的 health.prometheus），以及無法讀取的原因。
finding-url-https = 尚不支援 https：請提供 http:// URL
finding-url-scheme = 不支援 `{ $scheme }` URL：請提供 http://host:port
finding-url-not-url = 不是 URL：請提供 http://host:port
finding-url-credentials = 不支援在 URL 中包含認證：請提供 http://host:port
finding-url-query = `{ $path }`: 基底 URL 不能有查詢字串、片段或空格
finding-url-unclosed = IPv6 位址缺少結尾的 `]`
finding-url-after-bracket = `]` 後面必須接 `:port`
finding-url-not-ipv6 = `{ $host }` 不是 IPv6 位址
finding-url-not-host = `{ $host }` 不是主機名稱或位址
finding-url-not-port = `{ $port }` 不是連接埠（1-65535）
# keys.yaml：按鍵作用的地方（下方訊息中的 $where），寫成「在…中」。
finding-keys-on-grid = 在表格中
finding-keys-in-drill-down = 在詳細資料畫面中
finding-keys-in-runbook = 在操作手冊窗格中
finding-keys-in-help = 在說明中
# 上面兩個地方：「在表格中或在說明中」。
finding-keys-either = { $first }或{ $then }
finding-keys-unknown-screen = 未知的畫面 `{ $screen }`：可用 everywhere、grid、drill、runbook 或 help
finding-keys-unknown-action = 未知的動作 `{ $action }`
finding-keys-two-things = `{ $key }` { $where }會做兩件事：`{ $first }` 和 `{ $second }`
finding-keys-none = 請至少指定一個按鍵：沒有按鍵的動作無從使用
finding-keys-does-nothing = `{ $action }` { $where }沒有作用
finding-keys-ctrl = `{ $key }`: ctrl- 後面只能接一個字母（ctrl-c）
finding-keys-not-a-key-name = `{ $key }` 不是按鍵名稱
finding-keys-not-a-key = `{ $key }` 不是按鍵：可用單一字元（n、N、?）、ctrl-字母、F1-F12，或 Enter、Esc、Backspace、Tab、Space、Up、Down、Left、Right、PgUp、PgDn、Home、End 其中之一
# 任何檔案：讀取、大小、編碼、YAML。
finding-file-unreadable = 無法讀取: { $error }
finding-file-folder = 無法讀取：這是資料夾
finding-file-not-utf8 = 不是有效的 UTF-8（位元組 { $byte }）：請將檔案存成 UTF-8
# $size：finding-size-mib 或 finding-size-bytes。
finding-file-too-large = 檔案大於 { $size }，超過此類檔案可讀取的上限
finding-size-mib = { $mib } MiB
finding-size-bytes = { $bytes } 位元組
finding-file-neither = 既不是操作手冊（`procedures:`），也不是情境（`fleet:`、`faults:`）
finding-yaml-nul = NUL 位元組：YAML 無法容納
finding-yaml-control = 控制字元（{ $code }）：YAML 無法容納
finding-yaml-too-deep = 巢狀層數超過 { $max } 層：healthdeck 的檔案都不需要這麼深
# 訊息目錄（.ftl）與英文目錄的比對。
finding-catalog-not-fluent = 不是 Fluent 格式: { $error }
finding-catalog-defined-twice = 訊息 `{ $id }` 定義了兩次
# $reference、$line：英文目錄中定義它的位置。
finding-catalog-missing = 缺少訊息 `{ $id }`（{ $reference }:{ $line }）
# $own、$english：預留位置，或 finding-catalog-no-placeholders。
finding-catalog-placeholders = 訊息 `{ $id }` 的預留位置為 { $own }，英文則為 { $english }
finding-catalog-no-placeholders = 無
finding-catalog-not-in-english = 訊息 `{ $id }` 不在英文目錄中：可能是打錯字，或是已不再使用的訊息
# 先是位置，再是問題：$place 是 file:line:column、檔案或選項（--scenario）。位置須放在最前面，後面接 `: `。
finding-at = { $place }: { $finding }
finding-theme-unknown = 未知的佈景主題 `{ $name }`：既不是內建佈景主題（{ $known }），也不是檔案
finding-scenario-unknown = 未知的情境 `{ $name }`：既不是內建情境（{ $known }），也不是檔案
finding-scenario-no-servers = 機群中沒有伺服器：情境至少需要一台
# $why：名稱及其被拒絕的原因（finding-value-rejected；沒有名稱時為 finding-value-empty）。
finding-scenario-server-name = 伺服器名稱: { $why }
finding-scenario-server-twice = 伺服器 `{ $server }` 列了兩次
finding-scenario-not-cas = `{ $server }` 不是此機群中的 CAS 伺服器
finding-scenario-not-mailbox = `{ $server }` 不是此機群中的信箱伺服器
finding-scenario-fault-server = 故障位於未知的伺服器 `{ $server }`
finding-scenario-unknown-service = 未知的服務 `{ $service }`（已知: { $known }）
# $role：cas、mailbox 或 both，與情境中的寫法相同。
finding-scenario-service-elsewhere = { $service } 不在 { $server }（{ $role } 伺服器）上執行
finding-scenario-unknown-rule = 規則中有未知的監視器 `{ $monitor }`
# 情境的 `drill:` 區塊。
finding-drill-unknown-server = drill: 未知的伺服器 `{ $server }`
finding-drill-unknown-monitor = drill: 未知的監視器 `{ $monitor }`
finding-drill-monitor-elsewhere = drill: { $monitor } 不在 { $server }（{ $role } 伺服器）上執行
finding-drill-objective-english = drill: 目標必須有 `en`（其他語言缺少時會改用英文）
finding-drill-budget = drill: 時限必須大於 0s
finding-drill-unknown-runbook = drill: 未知的操作手冊 `{ $runbook }`（已知: { $known }）
finding-drill-runbook-elsewhere = drill: 操作手冊 { $runbook } 不負責修復 { $monitor }
finding-drill-no-step = drill: 操作手冊 { $runbook } 沒有步驟 `{ $step }`（其步驟: { $steps }）
# 操作手冊檔案。
finding-runbook-duplicate-procedure = 重複的程序 id `{ $procedure }`
finding-runbook-no-protocol = 程序 `{ $procedure }` 指定了監視器，卻沒有 `protocol`（imap 或 pop）
# $protocol：IMAP 或 POP。
finding-runbook-unknown-monitor = 未知的 { $protocol } 監視器 `{ $monitor }`（已知: { $known }）
finding-runbook-unknown-action = 不明的動作 `{ $action }`（已知動作：{ $known }）
finding-runbook-unknown-condition = 不明的條件 `{ $condition }`：應為 `role == cas`、`role == mailbox`、預期結果（probe_succeeded、no_active_copies、server_healthy、monitor_healthy、component_active），或所呼叫程序的結果（transient、resolved、completed、escalated），前面可加 `not`
finding-runbook-monitor-taken = 監視器 `{ $monitor }` 已由程序 `{ $procedure }` 負責修復
# $field：title 或 instruction（檔案中的鍵）；$what：finding-runbook-of-procedure 或 -of-step。
finding-runbook-no-translation = { $what } 的 { $field } 沒有 `{ $language }` 譯文
finding-runbook-of-procedure = 程序 `{ $procedure }`
finding-runbook-of-step = `{ $procedure }` 的步驟 `{ $step }`
finding-runbook-unknown-language = 未知的語言 `{ $language }`（應為 { $expected }）
finding-runbook-duplicate-step = 程序 `{ $procedure }` 中有重複的步驟 id `{ $step }`
finding-runbook-no-action = 步驟 `{ $step }` 需要 `action` 或 `call`
finding-runbook-action-and-call = 步驟 `{ $step }` 同時有 `action` 與 `call`：只能擇一
finding-runbook-unknown-call = `call: { $procedure }`: 沒有名為 `{ $procedure }` 的程序
finding-runbook-calls-itself = 程序 `{ $procedure }` 呼叫了自己
finding-runbook-mailbox-server = `on: mailbox_server` 之前必須有 `identify_mailbox_server` 步驟
finding-runbook-compensation = 步驟 `{ $step }` 的還原步驟 `{ $target }`：程序 `{ $procedure }` 中其後沒有步驟 `{ $target }`
finding-runbook-escalate-if = `escalate_if` 需要程序 `{ $procedure }` 中有 `escalate` 步驟
finding-runbook-escalate-last = `escalate` 步驟必須是程序 `{ $procedure }` 的最後一個步驟
# 閘門條件（`only_if`、`stop_if`、`escalate_if`），以及為何之前沒有任何步驟能設定它所檢查的結果（$why：下面兩則之一）。
finding-runbook-gate = `{ $key }: { $condition }`: { $why }
finding-runbook-unreported = `{ $procedure }` 中到此為止沒有任何步驟回報 `{ $expectation }`
finding-runbook-no-ending = 步驟 `{ $step }` 沒有呼叫任何程序，因此沒有可供檢驗的結束方式
finding-runbook-needs = `{ $action }` 需要 `{ $key }`
finding-runbook-means-nothing = `{ $key }` 對 `{ $action }` 沒有意義
finding-runbook-unconfirmed = `{ $action }` 是破壞性動作，`confirm: false` 無效：它一律會要求確定
finding-runbook-call-cycle = 呼叫循環: `{ $procedure }` 呼叫 `{ $target }`，而它又會回頭呼叫 `{ $procedure }`
finding-runbook-too-large = 操作手冊大於 { $size }：請拆分

## The command line refused before the console opens, and where the record went after it closed
usage-speed = --speed { $speed }：必須大於 0 且不超過 1000
usage-drill-inventory = 演練在訓練機群上進行，不能與主機清單（--inventory、HEALTHDECK_INVENTORY）一起使用
usage-scenario-inventory = --scenario 會開啟訓練機群，不能與主機清單（--inventory、HEALTHDECK_INVENTORY）一起使用
usage-seed = --seed 會隨機抽一個演練：請與 --scenario random 一起使用
usage-no-drill = 情境 { $name } 沒有 drill: 區塊（有演練的情境：{ $drills }）
usage-no-terminal = 主控台的 stdin 與 stdout 必須是終端機
usage-record-dir = 無法在 { $dir } 建立事故紀錄: { $error }（請將 XDG_STATE_HOME 設為可寫入的資料夾）
usage-record-at = 事故紀錄: { $path }
usage-lint-no-path = { $path }：沒有這個檔案或資料夾
usage-lint-no-inventory = { $path }：沒有這個主機清單檔案
