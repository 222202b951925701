# healthdeck の日本語カタログ: 英語版（en/healthdeck.ftl）と同じ ID、同じプレースホルダー
# （違いがあれば `healthdeck lint` が場所を示す）。
# コマンドレット、サービス、モニター、正常性セット、サーバーの名前はどの言語でもそのまま。
# グリッドの狭いセルの語（`*-short`）は 4 桁、広いセルの語は 9 桁に収める（全角は 2 桁）。

## アラート値
alert-unhealthy = 異常
alert-repairing = 修復中
alert-degraded = 機能低下
alert-unknown = 不明
alert-healthy = 正常
alert-disabled = 無効
alert-acked = 確認済み
alert-unhealthy-short = 異常
alert-repairing-short = 修復
alert-degraded-short = 低下
alert-unknown-short = 不明
alert-healthy-short = 正常
alert-disabled-short = 無効
alert-acked-short = ACK

## グリッド
grid-server = サーバ
grid-role = 役割
grid-site = 拠点
role-cas = CAS
role-mailbox = MBX
role-both = 両方
grid-owed = 要戻し
grid-offline = 全停止
grid-proxies-off = PRXY停止
grid-imap-off = IMAP停止
grid-pop-off = POP停止
grid-no-match = 絞り込み `{ $filter }` に一致するサーバーなし

## バナー
banner-training = 訓練
banner-production = 本番
banner-dry-run = ドライラン
banner-read-only = 読取専用
banner-dry-run-meaning = 実行なし
banner-read-only-meaning = 変更なし
banner-record-not-written = 記録失敗: { $reason }
banner-prober-behind = プローブ遅延: { $count }件、最大 { $late }
banner-behind = 遅延 { $count }件 { $late }
banner-exchange-silent = EXCHANGE: { $all }台中 { $silent }台が判定なし
banner-exchange-silent-short = 判定なし { $silent }/{ $all }
banner-owed = 要戻し { $count }件
banner-ledger-unread = 戻し台帳 読込失敗
banner-filter = 絞り込み `{ $filter }` { $shown }/{ $total }
banner-sorted = { $key }順
banner-fleet-clock = 経過 +{ $clock }
banner-servers = サーバー { $count }台
banner-prometheus-down = PROMETHEUS 不通: { $why }
banner-prometheus-down-short = PROM 不通
banner-prometheus = PROMETHEUS { $age }
banner-prometheus-short = PROM { $age }
banner-prometheus-warns = 警告: { $first }
banner-prometheus-reading = PROMETHEUS: 読込中…
banner-prometheus-reading-short = PROM …
banner-alertmanager-down = ALERTMANAGER 不通
banner-alertmanager-down-short = AM 不通

## ステータス バー
status-monitors = モニター
status-more-in-help = (? で全文)
status-acked = { $who } が確認済み（{ $until } UTC まで）: { $comment }（{ $monitor }）
hint-next = 次へ
hint-open = 開く
hint-filter = 絞り込み
hint-help = ヘルプ
hint-quit = 終了
hint-select = 選択
hint-runbook = 手順書
hint-probe = プローブ
hint-back = 戻る
hint-run = 実行
hint-cancel = 中止
hint-skip = スキップ
hint-escalate = エスカレ
hint-follow = 追従
hint-wrap = 折返し
hint-back-to-fleet = グリッドへ
hint-confirm = 確定
hint-abort = 中止
hint-run-them = 戻し実行
hint-leave = 戻さず離脱
hint-stay = 留まる
hint-leave-running = 実行継続
hint-run-unrecorded = 無記録実行
hint-do-not-run = 実行しない
hint-go = 決定
hint-back-out = 取消
hint-clear = 消去
hint-apply = 適用
hint-complete = 補完
hint-earlier = 履歴
hint-close = 閉じる

## ヘルプ
help-title = キー操作
help-grid-move = グリッド内を移動
help-next-problem = 次/前の異常へ、その後は機能低下へ
help-grid-open = 選択したセルの詳細を開く
help-grid-filter = サーバーを絞り込み: 名前、役割、拠点、状態
help-acknowledge = 異常を確認済みに（Alertmanager のサイレンス）/ 解除
help-page = 前/次のページ
help-grid-ends = 最初/最後のサーバー
help-grid-back = 絞り込みを解除
help-drill-select = モニターを選択
help-drill-open = 選択したモニターの手順書を開く
help-drill-probe = モニターのプローブを今すぐ実行
help-drill-pay = このサーバーの戻し作業を実行
help-drill-write-off = 戻し作業を帳消し（サーバー名と理由を入力）
help-drill-ends = 最初/最後のモニター
help-drill-back = グリッドに戻る
help-run-step = 次の手順を実行（失敗したら再実行）
help-cancel-step = 実行中の手順を中止（プロセスグループごと）。待機は再確認
help-skip-step = 失敗した手順や任意の手順をスキップ。待機は再確認
help-escalate-step = エスカレーション: 理由を付けて引き継ぐ
help-jump-ahead = ハイライトした手順まで進める（理由を入力）
help-highlight-step = 手順をハイライト: 指示とコマンドを表示
help-log-toggles = ログ: 追従、折返し、ハイライトした手順の出力のみ
help-log-scroll = ログをスクロール
help-runbook-back = 戻る。途中なら戻し手順を提示（あとで再開可）
help-close = このヘルプを閉じる
help-command-line = コマンドライン（Tab でコマンド一覧）
help-help-suspend = このヘルプ（Esc で閉じる）、一時停止（fg で復帰）
help-quit = 終了（手順の実行中や戻し作業が残るときは確認）
help-legend-marks = { $na } 役割の対象外   { $flap } フラッピング   経過: 正常を外れてから
help-last-message = 直近のメッセージ: { $message }
help-record = インシデント記録:
help-log = ログ: { $path }

## 画面が小さすぎるとき
too-small = 端末が小さすぎます
too-small-size = { $width }x{ $height }（必要: { $min_width }x{ $min_height }）
too-small-way-out = 端末を広げるか、q で終了
too-small-question-waiting = 確認待ちの質問あり: 端末を広げて回答

## ヘルプ: 保護モードで実行されるもの（README にも同じ記述）
help-read-only = 読取専用: プローブと読み取りの手順（正常性、データベース コピー、ログの場所、メールボックス サーバーの特定）のみ実行。サーバーを変更するものは実行しない
help-dry-run = ドライラン: 各手順の正確なコマンドを表示（分岐は両方とも）。何も実行しない

## モニターの判定条件
rule-consecutive = { $count }回連続で失敗
rule-within = { $window } 以内に { $count }回失敗
rule-latency = { $window } の平均待機時間 > { $limit } 秒
rule-queued = キュー内の要求 > { $threshold }（{ $duration } 継続）

## グリッド下の問題一覧
problems = 問題 { $count }件（深刻な順）
problems-filtered = 絞り込んだサーバーの問題 { $count }件（深刻な順）
problems-none = 問題なし: 表示中のモニターはすべて正常、不明、無効のいずれか
problems-none-filtered = 絞り込んだサーバーに問題なし: 表示中のモニターはすべて正常、不明、無効のいずれか
problems-none-known = 状態不明: { $why }
problems-more = … ほか { $count }件: n で順に移動
problems-for = { $age } 継続
problems-exchange-says = Exchange の判定: { $alert }
problems-mean-latency = コマンドの平均待機時間 { $seconds } 秒
problems-queued = キュー内の要求 { $count }件
problems-acked = { $who } が確認済み（{ $until } UTC まで）

## 詳細画面
drill-source-simulator = シミュレーター
drill-source-prometheus = Prometheus
drill-source-probe = healthdeck のプローブ
drill-flapping = フラッピング
drill-related = 関連する正常性セット: { $sets }
drill-label-last = 最終結果
drill-label-error = エラー
drill-label-unknown = 不明
drill-label-acked = 確認済み
drill-label-source = 取得元
drill-label-rule = 判定条件
drill-label-latency = 待機時間
drill-label-depends = 依存関係
drill-probe-every = { $probe } を { $interval } ごとに実行
drill-cadence = 直近の間隔 { $gap }
drill-cadence-late = 直近の間隔 { $gap }、{ $late } 遅延
drill-latency-of = このサーバーの全 { $protocol } プローブの待機時間
drill-queue-metric = { $protocol } のキュー内要求数メトリック
drill-depends-probes = 上記のプローブ
drill-depends-metric = メトリックの提供元（シミュレーター。実環境にはなし）
drill-alert-firing = 発火中
drill-alert-pending = 保留中
drill-alert-inactive = 発火なし
drill-alert-not-generated = 生成なし
drill-alert-no-data = データなし
drill-prometheus-alert = Prometheus のアラート: { $alert }
drill-failing = { $count }/{ $of } 失敗
drill-failing-over = { $of }/{ $of } 失敗（これまで { $count }回）
drill-mean = 、平均 { $ms } ミリ秒
drill-queued-now = 、現在のキュー内要求 { $count }件
drill-cannot-run = 実行不可: { $why }
drill-nothing-feeds = 無効: このモニターへの入力なし
drill-last-succeeded = { $age } 前に成功、{ $ms } ミリ秒
drill-last-failed = { $age } 前に失敗、{ $ms } ミリ秒
drill-no-probe = 専用のプローブなし。判定条件を参照
drill-no-result = まだ結果なし
drill-no-samples = まだサンプルなし
drill-latencies = 直近 { $count }回、最大 { $max } ミリ秒
drill-acked = { $who } が確認済み（{ $until } UTC まで）: { $comment }
drill-owed-maybe = 要戻し（未確定）
drill-owed-since = { $since } UTC から、実施者 { $who }、{ $runbook }
drill-owed-run = 戻し実行
drill-owed-write-off = 帳消し（サーバー名と理由を入力）
dep-authentication = 認証
dep-mailbox-authentication = メールボックス サーバーの認証
dep-high-availability = 高可用性
dep-networking = ネットワーク
dep-information-store = インフォメーション ストア

## 詳細画面: Exchange 自身の判定
exchange-waiting = 最初の応答を待機中
exchange-answered = { $age } 前に応答
exchange-answered-nothing = { $age } 前の応答は空: データなし、不明
exchange-poll-failed = { $age } 前にポーリング失敗: { $why }
exchange-said-last = Exchange の前回の応答時点
exchange-requested-by = 要求元: { $who }
exchange-taken-offline = オフライン化済み: プロキシの手順書のコンポーネント手順で Active に戻す
exchange-not-a-seed = トラブルシューティング文書にないモニター（手順書なし）
exchange-health-set = 正常性セット { $state }
exchange-result-at = { $at } UTC に { $result }（{ $age } 前）
exchange-ran-at = { $at } UTC に実行
exchange-no-execution = 実行の報告なし
exchange-stale = 古い結果: Exchange 自身の結果が更新されていない（判定は { $alert }）

## 手順書の上に出るボックス: 確認、理由、離脱、終了
prompt-confirm-title = 破壊的な手順の確認
prompt-locked-by = { $server } はロックされている（保持者: { $holder }）。{ $why }。ロックを破棄すると、この手順をもう一度実行する。
prompt-ran-before = この手順は { $at } に { $who } が実行済み
prompt-confirm-type = { $step }（{ $action }）を { $server } で実行: サーバー名（{ $name }）を入力して Enter。Esc で中止
prompt-confirm-refused = `{ $typed }` は { $name } と一致しない: 何も実行していない
prompt-write-off-title = 戻し作業を帳消し
prompt-no-command = （コマンドなし）
prompt-undoing-command = 戻しのコマンド: { $command }
prompt-write-off-say = 帳消しにすると、手作業で実施済みか不要という扱いになり、すべてのコンソールに反映される。{ $name }、スペース、理由の順に入力して Enter。Esc で取消。
prompt-escalate-title = エスカレーション: 引き継ぎ
prompt-escalate-say = エスカレーションすると、作業はここで終了する。未実行の手順はその旨を一覧にし、引き継ぎの要約をインシデント記録の隣に書き出す。
prompt-escalate-type = 理由を 1 行で入力。Enter でエスカレーション、Esc で手順書に戻る。
prompt-jump-title = 手順を先へ進める
prompt-jump-say = { $step } まで進める: その前の手順は飛び越し、その旨を記録する。
prompt-jump-type = 理由を 1 行で入力。Enter で進める、Esc で手順書に戻る。
prompt-ack-title = 確認済みにする
prompt-ack-say = { $server } の { $monitor } を確認済みにする: Alertmanager のサイレンスとして、それを読むすべてのコンソールに表示され、記録される。
prompt-ack-type = 期間（例: 2h）、スペース、理由の順に入力して Enter。Esc で取消。
prompt-budget-title = 再起動の回数枠を超過
prompt-budget-say = { $server } の { $service } は再起動の回数枠が残っていない: 作業をまたいで再起動を繰り返すと、再起動では直らない問題が隠れる。
prompt-budget-type = それでも再起動するなら理由を入力（記録される）。Enter で再起動、Esc で再起動しない。
prompt-unrecorded-title = 記録の書き込み失敗
prompt-unrecorded-say = { $server } の { $what } は記録なしで実行することになる: 記録は保持できる分をメモリに残し、ディスクに再び書けるようになった時点で書き込む。
prompt-unrecorded-yes = 記録なしで実行する（この選択は記録される）
prompt-unrecorded-no = 実行しない
prompt-leave-title = 途中で離脱
prompt-leave-owed = 未実施の戻し作業:
prompt-leave-item = { $server } の { $step }
prompt-leave-running = 実行中の手順あり: それが終わるまで戻し作業は実行できない
prompt-leave-run = 戻し作業を今すぐ実行
prompt-leave-quit = 終了する。戻し作業は残る（すべてのコンソールに表示）
prompt-leave-leave = 離脱する。戻し作業は残る（すべてのコンソールに表示）
prompt-leave-quit-training = 終了する。戻し作業は残る（記録に残る。訓練の戻し作業はこのコンソール専用）
prompt-leave-leave-training = 離脱する。戻し作業は残る
prompt-leave-stay = 手順書に留まる
prompt-quit-title = 手順を実行中
prompt-quit-cancel = 手順を中止してから終了
prompt-quit-leave-training = そのままにして終了（訓練: シミュレーションの手順はコンソールとともに終わる）
prompt-quit-leave = 実行したまま終了（手順はコンソールの終了後も続く）
prompt-quit-stay = 終了しない

## 手順書ペイン
pane-owed = 要戻し:
step-pending = 未実行
step-confirm = 確認待ち
step-next = 次に実行
step-running = 実行中
step-ran = 実行済
step-done = 完了
step-cancelled = 中止
step-timed-out = 時間切れ
step-failed = 失敗
step-not-run = 実行せず
step-shown = 表示のみ
step-passed = 飛越し
step-skipped = スキップ
step-call = 呼出し
step-back = 復帰
step-undo = 戻し
step-escalated = エスカレーション済み
pane-dry-run-passes = ドライラン: 表示のみで実行しない。Enter で次へ進む
pane-read-only-passes = 読取専用: 実行しない（サーバーを変更するため）。Enter で次へ進む
pane-destructive = 破壊的な手順: Enter を押すとサーバー名（{ $name }）の入力を求める
pane-already-ran = { $at }{ $fleet } に { $who } が実行済み
pane-ran = { $at }{ $fleet } に { $who } が実行: { $how }
pane-read-in = 読み取り結果 { $read }（{ $took } 秒）
pane-exit-in = { $exit }（{ $took } 秒）
pane-fleet = 訓練時刻
pane-command-later = 正確なコマンドは、この手順が次になったときに表示
pane-budget-spent = 再起動の回数枠（{ $service }）: 今回の作業で 1 回分を使用済み。以降の再起動は枠を消費しない
pane-budget-left = 再起動の回数枠（{ $service }）: この 1 時間の残り { $hour }/{ $per_hour } 回、今日の残り { $day }/{ $per_day } 回
pane-budget-next = 、次回は { $at } UTC 以降

## ログ パネル
log-title = ログ
log-only = { $run } のみ（o: すべて）
log-fleet-clock = 訓練時刻
log-dropped = それより前の { $count }行はインシデント記録のみ
log-follow = 追従
log-paused = 一時停止
log-wrap = 折返し
log-cut = 切詰め

## 手順と手順書の終わり方（記録には英語のまま残る）
exit-succeeded = 成功
exit-failed-code = 失敗（終了コード { $code }）
exit-failed = 失敗
exit-timed-out = 時間切れ
exit-cancelled = 中止
ending-transient = 自然回復
ending-resolved = 解決
ending-completed = 完了
ending-escalated = エスカレーション済み
ending-aborted = 中止
ending-not-finished-dry-run = 未完了（ドライラン）
ending-not-finished-read-only = 未完了（読取専用）
ending-left = 途中で離脱
read-probe-succeeded = プローブ Succeeded
read-probe-failed = プローブ Failed
read-no-active-copy = アクティブ コピーなし
read-active-copies = アクティブ コピーが残存
read-server-healthy = サーバー正常
read-server-unhealthy = サーバー異常
read-monitor-healthy = モニター Healthy
read-monitor-not-healthy = モニター Healthy 以外
read-component-active = コンポーネント Active
read-component-inactive = コンポーネント Active 以外
skip-only-if = { $condition } の場合のみ
skip-passed-over = 飛越し: { $why }
skip-nothing-to-undo = 戻す対象なし
skip-by-engineer = 担当者がスキップ
skip-no-mailbox = メールボックス サーバーを特定できなかった
skip-too-deep = 呼出しの入れ子が深すぎる
skip-unknown-procedure = 呼出し先の手順書が存在しない
skip-aborted = 作業はここで中止
skip-dry-run = ドライラン: 表示のみで実行しない
skip-read-only = 読取専用: 実行しない
skip-escalated = 実行せず: エスカレーション済み

## ログの注記
note-ended = { $run } { $how }（{ $took } 秒）
note-runbook-over = 手順書終了: { $ending }
note-runbook-over-owed = 手順書終了: { $ending }。未実施の戻し作業: { $owed }
note-mailbox-assumed = ドライラン: メールボックス サーバーはサーバー一覧から仮定: { $server }
note-wait-elapsed = 待機終了（{ $waited }/{ $wait } 分経過）: 今すぐ再確認
note-wait-cancelled = 待機を中止（{ $waited }/{ $wait } 分経過）: 今すぐ再確認
note-wait-skipped = 待機をスキップ（{ $waited }/{ $wait } 分経過）: 今すぐ再確認
note-waiting = { $wait } 分待機（{ $until } まで）してから再確認
note-if = { $when } の場合
note-cancelling = { $run } 中止中…
note-handover = 引き継ぎの要約: { $path }
note-opened = { $runbook } を開いた: { $server } の { $monitor }
note-resumed = 前回離脱した所から再開: Enter で次の手順を実行
note-restarts-count-once = この手順書は { $server } のサービスを最大 { $count } 回再起動することがある: 1 回の作業での再起動は、再起動の回数枠（1 時間 { $per_hour } 回、1 日 { $per_day } 回）を 1 回分だけ消費する
note-owed-already = このサーバーには既に戻し作業あり: { $owed }
note-owed = 要戻し: { $owed }
note-maybe-owed = { $server } で { $owed } が戻し作業として残っている可能性あり: { $step } は成功しなかったが実行はされた。実行するか帳消しにするまで戻し作業として残る
note-breaking-lock = { $server } のロックを破棄（保持者: { $holder }）

## ステータス バーのメッセージ
flash-still-owed = 未実施の戻し作業: { $owed }。q で終了
flash-step-failed = { $step } { $exit }: Enter で再実行、s でスキップ、e でエスカレーション
flash-step-running = 手順を実行中: c で中止
flash-waiting = 待機中: 再確認は自動で始まる。c で中止
flash-next-highlighted = Enter で次の手順（ハイライト中）を実行
flash-runbook-over = 手順書は終了（{ $ending }）: Esc で閉じる
flash-no-longer-waiting = この手順はもう再実行待ちではない
flash-nothing-running = 実行中のものなし
flash-running-cancel-first = 手順を実行中: 先に c で中止
flash-cannot-skip = スキップできるのは失敗した手順か任意の手順のみ
flash-nothing-to-escalate = 手順書は終了済み: エスカレーションするものなし
flash-handover = 引き継ぎ: { $name }
flash-handover-not-written = 引き継ぎの書き込み失敗: { $why }
flash-runbook-still-open = { $server } の { $monitor } の手順書がまだ開いている: 先に終えるか離脱を
flash-runbook-not-failing = { $monitor } は { $alert }: 手順書を開けるのは機能低下か異常のとき
flash-runbooks-not-loaded = 手順書を読み込めなかった（healthdeck lint を参照）
flash-no-runbook = { $monitor } の手順書なし（役割: { $role }）
flash-cannot-open = { $procedure } を開けない: { $error }
flash-step-goes-on = 手順はバックグラウンドで続行。モニターで Enter を押すと戻る
flash-undo-waits = 実行中の手順あり: それが終わるまで戻し手順は実行できない。l で終了（戻し作業は残る）
flash-quits-when-paid = 戻し作業を実行中。終わればコンソールを終了する
flash-cancelling-then-quit = 中止中。次に戻し作業を提示する（もう一度 q で即終了）
flash-backed-out = 取消: 何も実行していない
flash-written-off = 帳消し: { $server } の { $owed }
flash-nothing-owed-here = このサーバーに戻し作業なし
flash-runbook-open = 手順書を開いている: 先に終えるか離脱を（Esc）
flash-owed-unknown-step = { $owed } はこのコンソールの知らない手順: 手作業で実施したら x で帳消しに
flash-cannot-pay = 戻し作業を実行できない: { $error }
flash-not-confirmed = 未確定: 何も実行していない
flash-no-problem-in-view = 表示中に異常または機能低下のモニターなし
flash-exchange-no-probe = Exchange はこのモニターのプローブを示していない: r で実行できるのはトラブルシューティング文書のプローブのみ
flash-no-probe-of-its-own = { $monitor } には専用のプローブなし
flash-dry-run-not-run = ドライラン: 実行しない: { $command }
flash-probing-now = { $server } で { $probe } を実行中…
flash-probe-succeeded = { $what }: 成功
flash-probe-failed = { $what }: 失敗（最後のエラーを参照）
flash-probe-not-run = { $what }: 実行できず（{ $exit }）
what-rerun-probe = { $probe } の再実行
what-probe-on = { $server } の { $probe }
flash-too-small = 端末が小さすぎる: 端末を広げるか、q で終了
flash-exchange-own-monitor = このモニターの手順書なし: トラブルシューティング文書にない Exchange 独自のモニター。エラーはここに表示
flash-not-run-on-role = { $set } は { $server } では実行されない（役割: { $role }）

## 不在中に起きたこと（切断後の報告）と起動時の戻し作業
hangup-title = 不在中に起きたこと
hangup-terminated = { $at } UTC にコンソールが SIGTERM を受けて終了した。実行中だった{ $steps }は{ $what }:
hangup-hung-up = { $at } UTC に端末の接続が切れた。実行中だった{ $steps }は{ $what }:
hangup-cancelled = 中止した
hangup-left-to-finish = 最後まで続行させた
hangup-quit-leaving = { $at } UTC にコンソールが終了し、{ $steps }が実行中のまま残った:
hangup-steps = 手順 { $count }件
hangup-owed = 終了時点で残っていた戻し作業（実行するか帳消しにするまで残る）:
hangup-step = #{ $run } { $server } の { $title }（実施者 { $who }）: { $outcome }
hangup-ended = { $at } に{ $exit }
hangup-ended-code = { $at } に{ $exit }（終了コード { $code }）
hangup-ended-unknown = { $at } に{ $exit }（終了コードは不明）
hangup-exit-ended = 終了
hangup-still-running = まだ実行中（PID { $pid }）
hangup-gone = 終了済み、結果は不明（PID { $pid } のプロセスはもう存在しない）
hangup-no-end = 終了が記録にない（コンソールが強制終了された？）
hangup-record = インシデント記録: { $path }
hangup-closing = 手順の出力はそのセッションのインシデント記録にある。任意のキーで閉じる。
owed-box-title = 要戻し
owed-box-head = 全サーバーで未実施の戻し作業 { $count }件:
owed-box-closing = サーバーのセルで Enter を押し、u で実行、または x で帳消し（理由を入力）。任意のキーで閉じる。

## コマンドラインと確認済み（Alertmanager のサイレンス）
flash-sorted = { $key }順に並べ替え
flash-sort-keys = 並べ替えのキーは name、state、age、site、fleet のいずれか
flash-theme-usage = theme NAME: default、light、high-contrast、monochrome、または YAML ファイル
flash-nothing-owed = どのサーバーにも戻し作業なし
flash-unknown-command = 不明なコマンド `{ $command }`: { $known }
flash-theme = テーマを { $name } に変更
flash-theme-not-changed = テーマを変更できなかった: { $why }
flash-exported = インシデント記録の隣に書き出した: { $name }
flash-export-not-written = エクスポートの書き込み失敗: { $why }
ack-too-short = 確認済みの期間は 1 分以上（例: 2h）
ack-too-long = 期間は最長 1 週間: それより長いサイレンスは次のインシデントを隠してしまう
ack-why-missing = 期間のあとに理由も入力
ack-not-a-duration = `{ $typed }` は期間ではない: 2h などの期間、スペース、理由の順に入力
ack-sending = { $server } の { $monitor } を確認済みに設定中…
ack-not-shared = 確認済みにするには Alertmanager が必要: このコンソールは自分で状態を判定している（インベントリの health.prometheus に alertmanager を設定）
ack-nothing-here = ここには確認済みのモニターなし
ack-expiring = { $server } の { $monitor } の確認済みを解除中…
ack-no-alertmanager = 確認済みにするには Alertmanager が必要: インベントリの health.prometheus に指定なし（alertmanager: http://HOST:PORT）
ack-no-server = サーバーが選択されていない
ack-only-own-monitors = ここで確認済みにできるのは healthdeck のモニターのみ
ack-cell-has-none = 確認済みにできるのは異常のモニターのみ: このセルにはない
ack-not-run-here = ここでは実行されない
ack-not-unhealthy = 確認済みにできるのは異常のモニターのみ: { $monitor } は { $alert }
ack-already = { $monitor } は既に確認済み: A で解除
ack-done = { $server } の { $monitor } を { $until } UTC まで確認済みにした
ack-expired = { $server } の { $monitor } の確認済みを解除した
ack-refused = Alertmanager が拒否: { $why }

## インシデント記録のエクスポート（Markdown）: Markdown の記号（** と `）は訳文でも同じ語を囲む
export-title = インシデント記録 { $name }
export-session = セッション
export-engineer = 担当者
export-host = ホスト
export-host-pid = { $host }（pid { $pid }）
export-ssh = SSH 接続
export-ssh-none = なし（ローカル端末）
export-mode = モード
export-dry-run = ドライラン
export-read-only = 読取専用
export-language = 言語
export-recorded-by = 記録元
export-started = 開始
export-ended = 終了
export-ended-at = { $at }（{ $reason }）
export-not-ended-yet = 未終了: この要約はコンソールの実行中に書き出したもの
export-not-ended = 記録なし: コンソールが強制終了されたか、まだ実行中
export-duration = 所要時間
export-duration-fleet = { $wall }（訓練時刻: { $fleet }）
export-yes = はい
export-no = いいえ
export-none = なし
export-reason-quit = 通常終了
export-reason-hangup = 端末切断（SIGHUP）
export-reason-sigterm = 終了シグナル（SIGTERM）
export-timeline = タイムライン
export-times = 時刻はすべて実時間の UTC。
export-times-on = 時刻はすべて実時間の UTC で、日付は { $day }。
export-times-training = 時刻はすべて実時間の UTC。括弧内は訓練環境の時計の時刻で、こちらは実時間より速く進む。待機時間と手順の所要時間は訓練環境の時計で計った長さ。
export-times-on-training = 時刻はすべて実時間の UTC で、日付は { $day }。括弧内は訓練環境の時計の時刻で、こちらは実時間より速く進む。待機時間と手順の所要時間は訓練環境の時計で計った長さ。
export-fleet-at = 訓練時刻 { $time }
export-fleet-span = 訓練時刻で { $span }
export-torn = 注: 最後の行は途中で切れていた（コンソールが強制終了された）ため、除外した。
export-list = { $rest } と { $last }
export-no-output = 出力なし
export-output-lines = 出力 { $count }行
export-output-lines-stderr = 出力 { $count }行（うち stderr { $stderr }行）
export-step-output = 手順の出力
export-step-output-about = `!` は stderr の行を示す。長い出力は最初の { $head }行と最後の { $tail }行のみ表示。記録にはすべて残っている。
export-run-not-started = #{ $run }（開始が記録されていない）
export-more-lines = … ほか { $count }行は記録を参照

## インシデント記録のエクスポート: タイムラインの項目
export-run = 手順 #{ $run }
export-run-step = { $server } の手順 #{ $run } { $step }
export-run-compensation = { $server } の戻し作業 #{ $run } { $step }
export-session-again = セッション ヘッダー（再出現）: { $host } の { $user }（pid { $pid }）
export-runbook-opened = { $server } の **{ $monitor }** の手順書を開いた: { $title }（{ $procedure }）
export-step-started = 手順 #{ $run } **{ $title }**（{ $step }）を { $server } で { $by } が開始
export-compensation-started = 戻し作業 #{ $run } **{ $title }**（{ $step }）を { $server } で { $by } が開始
export-step-ended = { $run }: **{ $exit }**{ $code }、所要時間 { $duration }、{ $outputs }
export-exit-code = (終了コード { $code })
export-facts = 読み取り結果: { $facts }
export-cancel-asked = { $by } が { $run } の中止を要求
export-hangup = **端末の接続が切れた**: 実行中は { $running }、ポリシーは { $policy }、出力は引き続き記録
export-owed-on-fleet = **全サーバーの要戻し**: { $owed }
export-session-ended = セッション終了: { $reason }
export-left-running = **実行中のまま**: { $runs }
export-record-gap = **記録の欠落**: 出力 { $lines }行（{ $bytes } バイト）を保持できなかった（{ $reason }）
export-unrecorded-ran = **記録の書き込み失敗**（{ $reason }）: { $by } は { $server } の { $what } を記録なしで実行することを選択
export-unrecorded-not-run = **記録の書き込み失敗**（{ $reason }）: { $by } は { $server } の { $what } を記録なしでは実行しないことを選択
export-engine-refused = **手順書エンジンが拒否**（{ $procedure } の { $asked }）: { $error }
export-skipped = { $server } の { $step } をスキップ: { $reason }
export-skipped-would = { $server } の { $step } をスキップ: { $reason }。実行するはずだったコマンド
export-confirmation = { $by } による { $server } の { $step } の確認: 入力 { $typed }、**{ $verdict }**
export-typed-nothing = なし
export-accepted = 受理
export-refused = 拒否
export-offered = { $procedure } の戻し作業を提示: { $owed }
export-chose-run = { $by } は { $procedure } の戻し作業を**実行する**ことを選択: { $owed }
export-chose-not-run = { $by } は { $procedure } の戻し作業を**実行しない**ことを選択: { $owed }
export-closed = 手順書 { $procedure } を終了: **{ $ending }**。未実施の戻し作業なし
export-closed-owed = 手順書 { $procedure } を終了: **{ $ending }**。**未実施の戻し作業: { $owed }**
export-drill-started = **訓練開始**: { $scenario }（訓練時刻で { $minutes } min）: { $objective }
export-drill-ended = **訓練終了**: { $end }、スコア { $score }/100
export-drill-healed = 復旧
export-drill-budget-over = 制限時間超過
export-drill-quit = 途中終了
export-examined-drill-down = { $server } の { $monitor } を初めて表示（詳細画面）
export-examined-cell = { $server } の { $monitor } を初めて表示（グリッドのセル）
export-transition = { $server } の **{ $monitor }**{ $source }: { $from } → { $to }
export-prometheus = Prometheus: { $state }
export-prometheus-why = Prometheus: { $state }（{ $why }）
export-exchange = Exchange の判定（{ $server }）: { $state }
export-exchange-why = Exchange の判定（{ $server }）: { $state }（{ $why }）
export-exchange-many = Exchange の判定（{ $count }台）: { $state }{ $why }: { $servers }{ $more }
export-and-more = ほか { $count }台
export-acknowledged = { $server } の **{ $monitor }** を { $by } が { $until } UTC まで確認済みに: { $comment }（サイレンス { $silence }）
export-ack-expired = { $server } の **{ $monitor }** の確認済みを { $by } が解除（サイレンス { $silence }）
export-ack-failed = { $server } の **{ $monitor }** を確認済みにできなかった: { $why }
export-undo-with = 戻しのコマンド
export-no-command = コマンドの記録なし
export-owed = **要戻し**: { $server } の **{ $title }**（{ $step }）、{ $cause } が成功したため（実施者 { $by }）
export-owed-maybe = **要戻し（未確定）**: { $server } の **{ $title }**（{ $step }）、{ $cause } が開始されたため（実施者 { $by }）
export-cleared-ran = { $server } の戻し作業 { $step } を**解消**: 実行して成功（実施者 { $by }）
export-written-off = { $server } の戻し作業 { $step } を { $by } が**帳消し**: { $reason }
export-written-off-no-reason = { $server } の戻し作業 { $step } を { $by } が**帳消し**（理由なし）
export-cleared-how = { $server } の戻し作業 { $step } を { $by } が**解消**（{ $how }）
export-every-step-ran = すべての手順を実行済み
export-not-run = 未実行: { $steps }
export-escalated = { $by } が { $server } の { $procedure } を**エスカレーション**: { $reason }。{ $not_run }
export-handover-written = { $server } の { $procedure } の引き継ぎの要約を書き出した: { $path }
export-passed-over = { $by } が { $server } で { $to } へ進むため { $steps } を**飛び越し**: { $reason }
export-over-budget = { $by } が { $server } の { $service } の再起動を**回数枠を超えて**許可: { $reason }
export-detached = { $run } は { $by } が**実行中のまま**残した（{ $pid }）: 切り離されていて、コンソールの終了後も続く
export-pid = pid { $pid }
export-pid-unknown = pid 不明
export-wait-started = { $server } の { $step } で **{ $span }** の待機を開始（{ $until } まで）。その後に再確認
export-wait-ended = { $server } の { $step } の待機は { $waited } 後に**{ $how }**。次に再確認を実行
export-wait-ended-by = { $by } が { $server } の { $step } の待機を { $waited } 後に**{ $how }**。次に再確認を実行
export-wait-elapsed = 満了
export-wait-cancelled = 中止
export-wait-skipped = スキップ
export-schedule = プローブの実行状況（{ $span } s 間）: { $ran }回中 { $on_time }回が定刻どおり、{ $skipped }回スキップ、最大 { $late } s 遅延（同時実行の許容数 { $limit }、上限 { $ceiling }）
export-caught-up = プローブがスケジュールに**追いついた**
export-behind = **プローブ遅延**: { $late }件が遅延、最大 { $by } s: { $why }
export-stale = **モニター { $count }件の結果が古くなった**（正常 → 不明）
export-stale-behind = **モニター { $count }件の結果が古くなった**（正常 → 不明、プローブの遅延中）
export-fresh = **モニター { $count }件が再び応答**（不明 → 正常）
export-at-once = { $what }: { $which }。対象サーバー: { $servers }{ $more }

## インシデント記録のエクスポート: 未実施の戻し作業と、エスカレーションの引き継ぎの要約
export-left-undone = 未実施の戻し作業
export-left-undone-nothing = なし: この記録で発生した戻し作業はすべて解消済み。
export-left-undone-about = この記録で発生し、解消されなかった戻し作業。各サーバーは復旧が途中のままの可能性がある。コマンドを実行するか、コンソールの詳細画面で帳消しにする。
export-undone = **{ $server }** の **{ $title }**{ $maybe }（{ $step }）: { $since } から要戻し、実施者 { $by }、原因の手順 { $cause }
export-undone-maybe = (未確定: 手順は開始したが成功していない)
handover-title = 引き継ぎ: { $server } の { $procedure }
handover-escalated = { $by } が { $at } にエスカレーション: { $reason }。
handover-not-run = 未実行: { $steps }。
handover-from-start = セッションの開始から
handover-from-opening = { $at } に手順書を開いた時点から
handover-part = これはインシデント記録 { $record } のうち、この手順書の部分（{ $from }エスカレーションまで）。それ以外は記録そのものを参照。
handover-owed = 全サーバーの要戻し
handover-owed-nothing = エスカレーションの時点で、未実施の戻し作業はどのサーバーにもなかった。
handover-owed-about = エスカレーションの時点で全サーバーに残っていた戻し作業。実行するか帳消しにするまで、そのサーバーは復旧が途中のまま。

## 訓練の講評（講評画面とエクスポート）
debrief-healed = 障害の発生から { $after } で復旧（制限時間 { $budget }）
debrief-not-healed = 制限時間（{ $budget }）内に復旧せず
debrief-left = 復旧前に終了（制限時間 { $budget }）
debrief-detect = 検知（{ $after }）
debrief-runbook = 正しい手順書（{ $after }）
debrief-mitigate = 緩和（{ $after }）
debrief-path = 想定手順
debrief-safety = 安全性
debrief-twice = { $lesson }（2回）
debrief-times = { $lesson }（{ $count }回）
debrief-repeat = シード { $seed }: healthdeck drill --scenario random --seed { $seed } で同じ訓練を再現できる。
debrief-title = 訓練の講評
debrief-score = { $scenario }: スコア **{ $score }/100**、{ $ending }。
debrief-part = 項目
debrief-points = 得点
debrief-timeline = タイムラインと想定手順
debrief-expected-path = 想定: { $server } の { $runbook }、手順 { $steps }（対象 { $monitor }）。
debrief-at = 経過
debrief-happened = 起きたこと
debrief-expected = 想定
debrief-findings = 指摘事項
debrief-no-findings = なし: 安全でない操作はなかった。
debrief-head = { $scenario }: スコア { $score }/100、{ $ending }。
debrief-no-unsafe = 安全でない操作はなかった。
debrief-closing = 講評はインシデント記録の隣に書き出した。q で終了、Esc でグリッドに戻る。
debrief-more-steps = ほか { $count }件の手順は Markdown を参照
debrief-expected-on = { $server } での想定
debrief-what-happened = 起きたこと
debrief-beat-fault = 障害: { $monitor } @{ $server } が失敗
debrief-beat-looked = 失敗中のモニターを表示した
debrief-beat-see = 失敗中のモニターを表示
debrief-beat-reached = { $runbook } @{ $server } を開いた
debrief-beat-open = { $runbook } を開く
debrief-beat-healthy = { $monitor } が再び正常
debrief-beat-healed = 復旧: { $heals }
debrief-lesson-not-at-fault = 障害のない { $server } で { $step }（{ $action }）を実行した: 破壊的な手順の前に、グリッドと詳細画面で失敗中のモニターのサーバーを特定する
debrief-lesson-wrong-service = { $server } で { $service } を再起動したが、失敗していたのはそのサービスではない: まず詳細画面を読む（モニターの対象サービスと、CTP プローブならエラーに出ているメールボックス サーバー）
debrief-lesson-failover-healthy = 正常だった { $server } をフェールオーバーした: 破壊的な手順の前に、詳細画面でモニターを確かめる
debrief-lesson-while-healthy = { $monitor } が既に正常なのに { $server } で { $step } を実行した: まずプローブを再実行する。回復したモニターに修復は不要
debrief-lesson-skipped-verification = { $procedure } の確認の手順なしで { $server } の { $step } を実行した: 何かを変更する前に、問題がまだ続いているかを確かめる
debrief-lesson-owed = { $server } に { $steps } を戻し作業として残した: 離れる前に戻し作業を実行する（または理由を付けて帳消しにする）
debrief-lesson-escalated-solved = { $server } の { $monitor } が再び正常になっていたのにエスカレーションした: 解消済みの問題を引き継がないよう、先にプローブを再実行する

## ステータス バーのメッセージ: プローブの実行ペース、記録できずに開始しなかった手順
flash-prober-behind = プローブ遅延 { $late }件: { $why }
pace-at-ceiling = 同時実行が上限 { $ceiling } に到達: probes.ceiling を上げる
pace-slow-servers = サーバーの応答がスケジュールより遅い
flash-not-started-unrecorded = { $what } は開始せず: 記録を書き込めない
flash-not-started = { $server } の { $what }: 開始せず

## `healthdeck check`（1 行目は Nagios の形式で、そのまま）と `healthdeck lint`
check-not-run = 実行できず: { $why }
check-succeeded = { $took } で成功
check-exchange-poll = Exchange のポーリング: { $why }
check-exchange-healthy = Exchange: モニター { $count }件が Healthy
check-exchange-monitor = Exchange の判定: { $alert }
check-stale = 古い結果
check-requested-by = 要求元: { $requesters }
check-exchange-nothing = Exchange の応答は空: データなし、正常とはみなさない
check-exchange-no-monitor = Exchange は IMAP、POP の正常性セットのモニターを報告していない
lint-clean = ファイル { $files }件を検査: 指摘なし
lint-findings = ファイル { $files }件を検査: 指摘 { $count }件

## `healthdeck replay`: バナー、キー、再生する項目、記録時点の手順書
replay-keys = q 終了  space 再生/停止  l/h 次/前  +/- 速度  g/G 先頭/末尾  j/k サーバー
replay-no-server = 記録にサーバーの名前なし
replay-paused = 一時停止
replay-banner = 再生 読取専用 { $position }/{ $len } | { $state } | { $clock } | { $name }
replay-transition = { $server } の { $monitor }: { $from } -> { $to }
replay-examined = { $server } の { $monitor } を表示
replay-runbook-opened = 手順書を開いた: { $title } @{ $server }
replay-step-ended = #{ $run } { $exit }（{ $seconds } s）
replay-confirmed = { $step } @{ $server } 確定（入力者 { $by }）
replay-refused = { $step } @{ $server } 拒否（入力者 { $by }）
replay-skipped = { $step } をスキップ: { $reason }
replay-wait = { $step }: { $minutes } min 待機
replay-waited = { $step }: 待機は { $seconds } s 後に{ $how }
replay-closed = 手順書終了: { $ending }
replay-escalated = エスカレーション @{ $server }: { $reason }
replay-drill-ended = 訓練終了: { $end }、{ $score }/100
replay-earlier-steps = 前の手順 { $count }件
replay-output = 出力
replay-output-earlier = 出力（前の { $count }行は記録のみ）
replay-typed-by = 入力者 { $by }
replay-refused-by = 拒否、{ $by }
replay-running = 実行中
replay-wait-min = { $minutes } min 待機
replay-undo = (戻し)
replay-after-s = { $seconds } s 後
replay-after-min = { $minutes } min 後
replay-skipped-reason = スキップ: { $reason }
replay-session-ended = セッション終了: { $reason }
replay-hangup = 端末の接続が切れた
replay-owed = 要戻し @{ $server }: { $title }
replay-owed-cleared = 解消 @{ $server }: { $step }
replay-drill-started = 訓練開始: { $scenario }
replay-acknowledged = 確認済み: { $monitor } @{ $server }

## フリートに残る要戻しを 1 行で（台帳は英語のまま保持）
debt-line = { $server } の { $title }: { $since } UTC から要戻し（実施者 { $by }、{ $procedure }/{ $cause }）
debt-line-maybe = { $server } の { $title }（未確定）: { $since } UTC から要戻し（実施者 { $by }、{ $procedure }/{ $cause }）

## 入力による確認: 手順の対象モニターの現在の状態（記録には英語のまま残る）
confirm-now = 現在: { $server } の { $monitor } は { $alert }
confirm-now-for = 現在: { $server } の { $monitor } は { $alert }（{ $minutes } min 継続）
confirm-healthy-now = { $monitor } は現在 { $healthy }: この手順は不要の可能性あり
confirm-unknown = 状態は { $unknown }: このサーバーの失敗を示すものなし
confirm-error-names = プローブのエラーに { $other } が出ている（こちらも失敗中）: 障害は { $server } ではなくそちらの可能性あり
confirm-not-failing-here = { $server } に失敗中の { $protocol } モニターなし: 障害のあるサーバーではない可能性あり

## 理由の入力や移動をまだ実行できないとき（入力した内容は残る）
refuse-reason-needed = 理由が必要: 1 行で入力して Enter
refuse-write-off-why = サーバー名のあとに理由も入力: 何も帳消しにしていない
refuse-write-off-name = `{ $typed }` は { $name } と一致しない: 何も帳消しにしていない
refuse-step-running-cancel = 手順を実行中: Esc を押し、先に c で中止
refuse-step-running-wait = 手順を実行中: Esc を押し、終わるまで待つか c で中止
refuse-jump-ahead = > で進められるのはこれより先の手順のみ: Esc を押し、1 つをハイライト（j/k）
refuse-owed-in-between = そこへは移動できない: 途中の { $step } が要戻しのまま。先に実行（または帳消しに）
refuse-cannot-move = そこへは移動できない: { $why }
flash-output-highlight = o で手順の出力を表示: 実行済みの手順をハイライト

## 訓練の開始時にステータスバーが示す内容
flash-drill = 訓練: { $objective }（訓練時刻で { $budget }、q で終了）

## Runbook titles a record holds, as a reader shows them
title-resumed = { $title } (再開)
title-paying = { $procedure } の要戻し作業

## 手順についてコンソールが伝えること: そう終わった理由、開始しなかった理由（記録には英語のまま残る）
said-as-is = { $text }
said-and = { $first }；{ $then }
said-timed-out = { $secs } s で時間切れ；プロセスグループを強制終了した
said-output-held-open = プロセスグループを強制終了した後も出力が開いたままだった（おそらくグループを離れたプロセスが保持）；読み取りを停止した
said-let-go = コマンドは終了したが、そこから起動したプロセスが 2 s 後も出力を保持していた: 以降の出力は記録されない
said-cancelled-killed = 中止；プロセスグループを強制終了した
said-killed-by = { $signal } で強制終了
said-killed-by-core = { $signal } で強制終了（コアダンプあり）
said-ended-with = { $status } で終了
said-command-empty = 手順を開始できない: コマンドが空
said-cannot-start = `{ $program }` を起動できない: { $error }
said-not-all-recorded = 出力の一部を記録できなかった: { $error }
said-lock-not-kept = サーバーのロックを維持できなかった: { $refusal }
said-lock-lost = サーバーのロックを失った: { $error }
said-unknown-exit = コンソールの終了時に実行中のまま残った；終了コードは不明（親であるコンソールが既に終了していた）
said-cannot-run-here = { $why }: この手順はここでは実行できない
said-no-lock-dir = ロックのディレクトリが設定されていない
said-no-credentials = プローブの認証情報なし
said-no-probes = このコンソールではプローブを実行していない
said-no-simulator = 訓練のシミュレーターが実行されていない
said-broken = 手順の実行中にコンソールでエラーが発生（不具合: { $panic }）；コマンドは実行された可能性あり: 先へ進む前にサーバーを確認
said-sim-cancelled = シミュレーターが実行する前に中止した；シミュレーター上のサーバーは変更なし
said-sim-late-cancel = 中止したのはシミュレーターが手順を実行した後；実行結果はそのまま残る
said-unreadable-output = 出力を読み取れなかった（{ $why }）: 何も確認できていない
said-unread-gate = 出力に { $fact } の記載がなかった: 何も確認できていない

## 手順を実行しなかった理由: 別のコンソールがサーバーを保持している、または再起動の回数枠を使い切った
said-locked = { $server } はロックされている（保持者: { $holder }）: 何も実行していない
said-locked-stale = { $server } はロックされている（保持者: { $holder }）；{ $stale }
said-lock-io = ロックを取得できない: { $error }
said-nothing-ran = { $why }: 何も実行していない
said-holder = { $host } の { $owner }（pid { $pid }）、{ $since } から { $action } を実行中、最終ハートビート { $heartbeat }
said-locked-by = ロック中（保持者: { $holder }）
said-locked-by-stale = ロック中（保持者: { $holder }）；{ $stale }
said-abandoned = ロックは放置されているとみられる: { $why }
said-untrusted = ロックのハートビートは信頼できない: { $why }
said-dead-pid = 保持者のプロセスはこのホストにもう存在しない
said-no-heartbeat = ハートビートが { $age } 途絶えている
said-lock-unreadable = ロック ファイルを読み取れず、2 min 以上変更もない
said-future-heartbeat = 最終ハートビートがこのホストの時計より { $ahead } 進んでおり、2 つの時計の許容差 { $skew } s を超えている: どちらかの時計が誤っているため、保持者がまだ動いているか誰にも判断できない
said-restarted = { $server } の { $service } の再起動は{ $windows }
said-restarted-hour = { $count ->
   *[other] 過去 1 時間に { $count } 回（上限 1 時間 { $limit } 回）
}
said-restarted-day = { $count ->
   *[other] 過去 24 時間に { $count } 回（上限 1 日 { $limit } 回）
}
said-both = { $first }、{ $then }
said-next-restart = { $restarted }: 次に再起動できるのは { $at }
said-restarts-off = { $restarted }: 上限が 0 のため、再起動は無効
said-at = { $time }（あと { $wait }）
said-at-tomorrow = 明日 { $time }（あと { $wait }）
said-at-on = { $date } { $time }（あと { $wait }）

## このプラットフォームではこのコンソールが実行できない手順
said-no-command = { $server } の { $action } のコマンドなし: 手作業で実施してから s でスキップ
said-person-job = { $action } は担当者が行う作業
said-refused-value = 実行前に拒否: { $rejected }
said-no-agent = このフリートは Prometheus が判定しているが、インベントリにエージェントの指定なし（health.prometheus.agent）: このコンソールからはプローブを実行しない
said-probe-cannot-run = { $probe } は { $server } で実行できない（インベントリにエンドポイントか認証情報がない）
said-its-probe = この手順のプローブ
said-not-in-fleet = { $server } はこのフリートにない

## What is wrong in a file (runbooks, inventory, scenarios, themes, keys), after file:line:column
finding-yaml-tab = タブ文字: YAML のインデントは空白のみ
finding-yaml-second-document = ここで 2 つ目の YAML 文書が始まっている: 1 ファイルに文書は 1 つ（`---` の行を削除するか、ファイルを分割する）
finding-yaml-alias-bomb = エイリアスの展開が大きすぎる（エイリアス爆弾？）: 他のエイリアスを繰り返す最初のエイリアスはここ
# シェルに渡す前に拒否した値: 値、続いて理由（$reason: 下の finding-value-* のいずれか。値に続く述語として書く）。
finding-value-rejected = `{ $value }` は{ $reason }
# $what: finding-value-what-name、-host、-login のいずれか。
finding-value-empty = 値が空（{ $what }が必要）
finding-value-what-name = 名前
finding-value-what-host = ホスト名
finding-value-what-login = ログイン名
finding-value-line-break = 改行を含む（コマンドがそこで終わってしまう）
finding-value-blank = 空白を含む（2 つの語に分かれてしまう）
finding-value-control = 制御文字 `{ $char }` を含む
finding-value-not-ascii = ASCII 以外の文字 `{ $char }`（{ $code }）を含む（引用符や区切り文字によく似た文字がこうして紛れ込む）
finding-value-shell-sign = シェルが解釈する記号 `{ $char }` を含む
finding-value-not-allowed = { $what }に使えない文字 `{ $char }` を含む
finding-value-dash-option = `-` で始まる（コマンドがオプションとして読んでしまう）
finding-value-dash-ssh = `-` で始まる（ssh がオプションとして読んでしまう）
finding-value-login-start = 英字でも `_` でも始まっていない（ログイン名は英字か `_` で始まる）
finding-value-too-long = 長さが { $length } 文字ある（{ $what }は最大 { $max } 文字）
finding-value-empty-label = ドットの間に空のラベルがある
finding-value-long-label = 長さ { $length } 文字のラベルがある（DNS のラベルは最大 { $max } 文字）
finding-value-label-dash = `-` で始まるか `-` で終わるラベルがある（DNS 名にはありえない）
# 値に含められない文字。「使えない文字がある: { $char }」の形で示す。
finding-char = `{ $char }`
finding-char-space = スペース
finding-char-control = 制御文字（{ $code }）
finding-char-whitespace = 空白文字（{ $code }）
finding-char-not-ascii = `{ $char }`（{ $code }、ASCII 以外）
# インベントリ: file:line:column のあとにフィールド（$field: `servers[1].imap[0].host`）、続いて問題の内容。
finding-inventory-field = { $field }: { $finding }
# 問題の内容、続いて規則（$rule: finding-inventory-rule-*）。
finding-inventory-with-rule = { $finding }（{ $rule }）
finding-inventory-rule-server-name = サーバー名はホスト名: ASCII の英字、数字、`-`、`.` からなり、ラベルは最大 63 文字、全体で最大 253 文字
finding-inventory-rule-host = ホストは ASCII の英字、数字、`-`、`.` からなる DNS 名、または IPv4 か IPv6 のアドレス
finding-inventory-server-name-empty = サーバー名が空
finding-inventory-host-empty = ホストが空
finding-inventory-starts-with-dash = `{ $value }` が `-` で始まっている
finding-inventory-contains = `{ $value }` に使えない文字がある: { $char }
finding-inventory-host-brackets = `{ $host }`: IPv6 アドレスは角かっこなしで書く
finding-inventory-env-name = `{ $name }` は環境変数名ではない（ASCII の英字、数字、`_` からなり、数字では始まらない）
finding-inventory-name-empty = インベントリ名が空
finding-inventory-name-refused = `{ $value }` に使えない文字がある: { $char }（インベントリ名は印字可能な ASCII 文字のみ）
finding-inventory-name-too-long = インベントリ名が { $max } 文字を超えている
finding-inventory-site-empty = 拠点が空
finding-inventory-site-refused = `{ $value }` に使えない文字がある: { $char }（拠点は印字可能な ASCII 文字のみ）
finding-inventory-site-too-long = 拠点が { $max } 文字を超えている
finding-inventory-file-name = ファイル名 `{ $stem }` はインベントリ名にできない: `name:` を追加する（印字可能な ASCII 文字、最大 { $max } 文字）
finding-inventory-password-written = インベントリに直接書いたパスワードは受け付けない: モード 0600 のファイル（{"{"} file: PATH {"}"}）か環境変数（{"{"} env: NAME {"}"}）に書く
finding-inventory-user-empty = ユーザー名が空
finding-inventory-user-control = `{ $user }` に制御文字がある: IMAP と POP3 では送れない
finding-inventory-path-empty = ファイル パスが空
finding-inventory-probes-in-flight = 同時に実行するプローブの数は 1 から { $max } までにする
finding-inventory-probe-interval = プローブの間隔は 0 より大きくする
finding-inventory-probe-timeout = プローブのタイムアウトは 0 より大きくする
finding-inventory-probe-timeout-long = { $timeout } はプローブの間隔 { $interval } より長い: プローブが滞留してしまう
finding-inventory-unknown-monitor = 不明なモニター `{ $monitor }`（既知のモニター: { $known }）
# $rule: rule-* のメッセージ。$shape: そのモニターの判定条件を書く YAML。
finding-inventory-rule-misfit = `{ $rule }` は { $monitor } には使えない: { $shape } を使う
finding-inventory-interval-short = { $interval } はプローブのタイムアウト { $timeout } より短い: プローブが滞留してしまう
finding-inventory-no-credentials = `credentials:` がない: ログインするプローブ（CTP、ディープ テスト）を実行できない
finding-inventory-credential-line-break = 値に改行か NUL がある: IMAP と POP3 では送れない
finding-inventory-no-ca-file = { $path } に CA ファイルがない
finding-inventory-credential-mode = { $path } のモードは { $mode }: 認証情報のファイルは 0600 かそれより厳しいモードにする（chmod 600 { $path }）
finding-inventory-env-unset = 環境変数 { $variable } が設定されていない: プローブの前に export する
finding-inventory-env-not-utf8 = 環境変数 { $variable } が UTF-8 ではない
finding-inventory-env-empty = 環境変数 { $variable } が空
finding-inventory-credential-unreadable = { $path } を読み取れない: { $error }
finding-inventory-not-credential-file = { $path } は認証情報のファイル（小さなテキスト ファイル）ではない
finding-inventory-credential-file-empty = 認証情報のファイルが空
finding-inventory-managed-not-exchange = 管理された可用性（Managed Availability）は Exchange の機能: `platform: exchange` が必要
finding-inventory-poll-interval = ポーリングの間隔は 1s 以上にする
finding-inventory-poll-timeout = ポーリングのタイムアウトは 1s 以上にする
finding-inventory-poll-timeout-long = { $timeout } はポーリングの間隔 { $interval } より長い: ポーリングが滞留してしまう
finding-inventory-polls-in-flight = 同時に実行するポーリングの数は 1 から { $max } までにする
finding-inventory-agent-address = エージェント `{ $agent }` が HOST:PORT の形式ではない（例: 127.0.0.1:9141）
finding-inventory-refresh = 更新の間隔は 1s 以上にする
finding-inventory-read-timeout = タイムアウトは 100ms 以上にする
finding-inventory-no-servers = インベントリにサーバーが 1 台もない
finding-inventory-server-twice = サーバー `{ $server }` が 2 回記載されている（先に `{ $first }` として。名前の大文字と小文字は区別しない）
finding-inventory-no-endpoint = サーバー `{ $server }` にエンドポイントがない: `imap:` か `pop3:` を指定する（または Exchange に監視させる: `health: {"{"} managed_availability {"}"}`）
finding-inventory-mailbox-unknown = `{ $server }` はこのインベントリのサーバーではない
# $role: cas、mailbox、both のいずれか（インベントリの表記のまま）。
finding-inventory-mailbox-not-mailbox = `{ $server }` は { $role } サーバーで、メールボックス サーバーではない
finding-inventory-mailbox-not-cas = 監視用メールボックスを持つのは CAS サーバーのみ
finding-inventory-port = ポート { $port } は範囲外（1 から 65535）
finding-inventory-server-name-plain = 証明書の名前には `tls: starttls` か `tls: implicit` が必要
finding-inventory-second-implicit = 2 つ目の暗黙的 TLS のエンドポイント: 1 つのプロトコルに置けるのは、平文か STARTTLS のエンドポイント 1 つと、暗黙的 TLS のエンドポイント 1 つまで
finding-inventory-second-plain = 2 つ目の平文か STARTTLS のエンドポイント: 1 つのプロトコルに置けるのは、平文か STARTTLS のエンドポイント 1 つと、暗黙的 TLS のエンドポイント 1 つまで
finding-inventory-unknown-action = 不明なアクション `{ $action }`
finding-inventory-command-empty = コマンドが空: プログラムとその引数を指定する
finding-inventory-command-control = `{ $word }` に制御文字がある
finding-inventory-pwsh-program = PowerShell の実行ファイルが空か、制御文字を含む
finding-inventory-restarts = 1 時間あたりの再起動 { $hour } 回は、1 日に許可された { $day } 回を超えている
finding-inventory-exchange-transport = Exchange の手順はコマンドレット: `pwsh`（PowerShell リモート処理）で実行する
finding-inventory-linux-pwsh = `pwsh` は Exchange のコマンドレットを実行するためのもの: linux サーバーには `local` か `ssh` を指定する
finding-inventory-ssh-unused = `ssh:` は `transport: ssh` のときに使う
finding-inventory-ssh-config = { $path } に ssh の設定ファイルがない
# Prometheus か Alertmanager の URL（インベントリの health.prometheus）と、それを読めない理由。
finding-url-https = https はまだサポートしていない: http:// の URL を指定する
finding-url-scheme = `{ $scheme }` の URL はサポートしていない: http://host:port を指定する
finding-url-not-url = URL ではない: http://host:port を指定する
finding-url-credentials = URL 内の認証情報はサポートしていない: http://host:port を指定する
finding-url-query = `{ $path }`: ベース URL にクエリ、フラグメント、空白は含められない
finding-url-unclosed = IPv6 アドレスに閉じの `]` がない
finding-url-after-bracket = `]` のあとには `:port` が必要
finding-url-not-ipv6 = `{ $host }` は IPv6 アドレスではない
finding-url-not-host = `{ $host }` はホスト名でもアドレスでもない
finding-url-not-port = `{ $port }` はポート番号（1-65535）ではない
# keys.yaml: キーが働く場所（下のメッセージの $where。「{ $where }で」「{ $where }では」の形で続く）。
finding-keys-on-grid = グリッド
finding-keys-in-drill-down = 詳細画面
finding-keys-in-runbook = 手順書ペイン
finding-keys-in-help = ヘルプ
# 上の場所を 2 つ: 「グリッドかヘルプ」。
finding-keys-either = { $first }か{ $then }
finding-keys-unknown-screen = 不明な画面 `{ $screen }`: everywhere、grid、drill、runbook、help のいずれか
finding-keys-unknown-action = 不明なアクション `{ $action }`
finding-keys-two-things = `{ $key }` は{ $where }で 2 つの操作に割り当てられることになる: `{ $first }` と `{ $second }`
finding-keys-none = キーを 1 つ以上指定する: キーのないアクションは実行できない
finding-keys-does-nothing = `{ $action }` は{ $where }では何もしない
finding-keys-ctrl = `{ $key }`: ctrl- のあとは英字 1 文字（ctrl-c）
finding-keys-not-a-key-name = `{ $key }` はキーの名前ではない
finding-keys-not-a-key = `{ $key }` はキーではない: 1 文字（n、N、?）、ctrl-英字、F1-F12、または Enter、Esc、Backspace、Tab、Space、Up、Down、Left、Right、PgUp、PgDn、Home、End のいずれか
# すべてのファイル: 読み取り、サイズ、エンコード、YAML。
finding-file-unreadable = 読み取れない: { $error }
finding-file-folder = 読み取れない: フォルダーである
finding-file-not-utf8 = UTF-8 として不正（バイト { $byte }）: ファイルを UTF-8 で保存する
# $size: finding-size-mib か finding-size-bytes。
finding-file-too-large = ファイルが { $size } を超えている（この種のファイルで読み込める上限）
finding-size-mib = { $mib } MiB
finding-size-bytes = { $bytes } バイト
finding-file-neither = 手順書ファイル（`procedures:`）でもシナリオ（`fleet:`、`faults:`）でもない
finding-yaml-nul = NUL バイト: YAML には含められない
finding-yaml-control = 制御文字（{ $code }）: YAML には含められない
finding-yaml-too-deep = 入れ子が { $max } 階層より深い: healthdeck のファイルでこれほどの入れ子が必要なものはない
# メッセージ カタログ（.ftl）を英語版と照合した結果。
finding-catalog-not-fluent = Fluent の形式ではない: { $error }
finding-catalog-defined-twice = メッセージ `{ $id }` が 2 回定義されている
# $reference、$line: 英語版での定義の場所。
finding-catalog-missing = メッセージ `{ $id }` がない（{ $reference }:{ $line }）
# $own、$english: プレースホルダーの一覧、または finding-catalog-no-placeholders。
finding-catalog-placeholders = メッセージ `{ $id }` のプレースホルダーは { $own } だが、英語版では { $english }
finding-catalog-no-placeholders = なし
finding-catalog-not-in-english = メッセージ `{ $id }` は英語版にない: 入力ミスか、もう使われていないメッセージ
# 場所、続いて内容: $place は file:line:column、ファイル、またはオプション（--scenario）。場所を先に、そのあとに `: ` を置く。
finding-at = { $place }: { $finding }
finding-theme-unknown = 不明なテーマ `{ $name }`: 組み込みのテーマ（{ $known }）でもファイルでもない
finding-scenario-unknown = 不明なシナリオ `{ $name }`: 組み込みのシナリオ（{ $known }）でもファイルでもない
finding-scenario-no-servers = フリートにサーバーがない: シナリオにはサーバーが 1 台以上必要
# $why: 名前と拒否の理由（finding-value-rejected。名前がなければ finding-value-empty）。
finding-scenario-server-name = サーバー名: { $why }
finding-scenario-server-twice = サーバー `{ $server }` が 2 回記載されている
finding-scenario-not-cas = `{ $server }` はこのフリートの CAS サーバーではない
finding-scenario-not-mailbox = `{ $server }` はこのフリートのメールボックス サーバーではない
finding-scenario-fault-server = 不明なサーバー `{ $server }` に障害が指定されている
finding-scenario-unknown-service = 不明なサービス `{ $service }`（既知のサービス: { $known }）
# $role: cas、mailbox、both のいずれか（シナリオの表記のまま）。
finding-scenario-service-elsewhere = { $service } は { $server } では実行されない（{ $role } サーバー）
finding-scenario-unknown-rule = rules に不明なモニター `{ $monitor }` がある
# シナリオの `drill:` ブロック。
finding-drill-unknown-server = drill: 不明なサーバー `{ $server }`
finding-drill-unknown-monitor = drill: 不明なモニター `{ $monitor }`
finding-drill-monitor-elsewhere = drill: { $monitor } は { $server } では実行されない（{ $role } サーバー）
finding-drill-objective-english = drill: 目標（objective）には `en` が必要（ほかの言語の目標がないときは `en` を使う）
finding-drill-budget = drill: 制限時間は 0s より長くする
finding-drill-unknown-runbook = drill: 不明な手順書 `{ $runbook }`（既知の手順書: { $known }）
finding-drill-runbook-elsewhere = drill: 手順書 { $runbook } は { $monitor } を復旧する手順書ではない
finding-drill-no-step = drill: 手順書 { $runbook } に手順 `{ $step }` がない（この手順書の手順: { $steps }）
# 手順書ファイル。
finding-runbook-duplicate-procedure = 手順書 ID `{ $procedure }` が重複している
finding-runbook-no-protocol = 手順書 `{ $procedure }` はモニターを指定しているが、`protocol`（imap か pop）がない
# $protocol: IMAP か POP。
finding-runbook-unknown-monitor = 不明な { $protocol } モニター `{ $monitor }`（既知のモニター: { $known }）
finding-runbook-unknown-action = 不明なアクション `{ $action }`（既知のアクション: { $known }）
finding-runbook-unknown-condition = 不明な条件 `{ $condition }`: `role == cas`、`role == mailbox`、期待される結果（probe_succeeded、no_active_copies、server_healthy、monitor_healthy、component_active）、または呼び出した手順書の結末（transient、resolved、completed、escalated）を書く。前に `not` を付けてもよい
finding-runbook-monitor-taken = モニター `{ $monitor }` は既に手順書 `{ $procedure }` の復旧対象
# $field: title か instruction（ファイルのキー）。$what: finding-runbook-of-procedure か -of-step。
finding-runbook-no-translation = { $what } の { $field } に `{ $language }` の翻訳がない
finding-runbook-of-procedure = 手順書 `{ $procedure }`
finding-runbook-of-step = `{ $procedure }` の手順 `{ $step }`
finding-runbook-unknown-language = 不明な言語 `{ $language }`（想定: { $expected }）
finding-runbook-duplicate-step = 手順書 `{ $procedure }` で手順 ID `{ $step }` が重複している
finding-runbook-no-action = 手順 `{ $step }` には `action` か `call` が必要
finding-runbook-action-and-call = 手順 `{ $step }` に `action` と `call` の両方がある: どちらか一方にする
finding-runbook-unknown-call = `call: { $procedure }`: 手順書 `{ $procedure }` がない
finding-runbook-calls-itself = 手順書 `{ $procedure }` が自分自身を呼び出している
finding-runbook-mailbox-server = `on: mailbox_server` には、それより前に `identify_mailbox_server` の手順が必要
finding-runbook-compensation = 手順 `{ $step }` の戻し手順 `{ $target }`: 手順書 `{ $procedure }` で、これより後に手順 `{ $target }` がない
finding-runbook-escalate-if = `escalate_if` には、手順書 `{ $procedure }` に `escalate` の手順が必要
finding-runbook-escalate-last = `escalate` の手順は手順書 `{ $procedure }` の最後の手順にする
# 判定条件（`only_if`、`stop_if`、`escalate_if`）と、それより前のどの手順もその事実を確定できない理由（$why: 下の 2 つのいずれか）。
finding-runbook-gate = `{ $key }: { $condition }`: { $why }
finding-runbook-unreported = `{ $procedure }` には、ここまでに `{ $expectation }` を報告する手順がない
finding-runbook-no-ending = 手順 `{ $step }` は手順書を呼び出していないので、判定できる終わり方がない
finding-runbook-needs = `{ $action }` には `{ $key }` が必要
finding-runbook-means-nothing = `{ $key }` は `{ $action }` では意味を持たない
finding-runbook-unconfirmed = 破壊的なアクション `{ $action }` に `confirm: false` が指定されている: このアクションは常に確認を求める
finding-runbook-call-cycle = 呼び出しの循環: `{ $procedure }` が `{ $target }` を呼び出し、それがまた `{ $procedure }` を呼び出す
finding-runbook-too-large = { $size } を超える手順書ファイル: 分割する

## The command line refused before the console opens, and where the record went after it closed
usage-speed = --speed { $speed }: 0 より大きく 1000 以下にする
usage-drill-inventory = 訓練は訓練環境で行う: インベントリ（--inventory、HEALTHDECK_INVENTORY）とは併用できない
usage-scenario-inventory = --scenario は訓練環境を開く: インベントリ（--inventory、HEALTHDECK_INVENTORY）とは併用できない
usage-seed = --seed はランダムな訓練を選ぶ: --scenario random と一緒に使う
usage-no-drill = シナリオ { $name } に drill: ブロックがない（訓練のあるシナリオ: { $drills }）
usage-no-terminal = コンソールには stdin と stdout の端末が必要
usage-record-dir = { $dir } にインシデント記録を作成できない: { $error }（XDG_STATE_HOME に書き込めるフォルダーを指定する）
usage-record-at = インシデント記録: { $path }
usage-lint-no-path = { $path }: そのようなファイルやフォルダーはない
usage-lint-no-inventory = { $path }: そのようなインベントリ ファイルはない
