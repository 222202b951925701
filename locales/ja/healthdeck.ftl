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
