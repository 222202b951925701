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
