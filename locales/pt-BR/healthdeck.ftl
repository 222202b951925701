# Catálogo do healthdeck em português do Brasil (pt-BR): tradução do catálogo de referência em inglês
# (mesmos ids, mesmos placeholders; `healthdeck lint` diz onde um difere).
# Nomes de cmdlet, serviço, monitor, conjunto de integridade e servidor ficam como estão em todos os idiomas.
# As palavras das células estreitas da grade (`*-short`) cabem em 4 colunas; as das largas, em 9.

## Valores de alerta
alert-unhealthy = Com falha
alert-repairing = Reparando
alert-degraded = Degradado
alert-unknown = Desconh.
alert-healthy = Íntegro
alert-disabled = Inativo
alert-acked = Ciente
alert-unhealthy-short = FALH
alert-repairing-short = REPA
alert-degraded-short = DEGR
alert-unknown-short = DESC
alert-healthy-short = OK
alert-disabled-short = INAT
alert-acked-short = CIEN

## A grade
grid-server = SERV.
grid-role = TIPO
grid-site = SITE
role-cas = CAS
role-mailbox = MBX
role-both = C+M
grid-owed = PENDENTE
grid-offline = OFFLINE
grid-proxies-off = SEM PRXY
grid-imap-off = SEM IMAP
grid-pop-off = SEM POP
grid-no-match = nenhum servidor corresponde ao filtro `{ $filter }`

## O banner
banner-training = TREINO
banner-production = PRODUÇÃO
banner-dry-run = SIMULAÇÃO
banner-read-only = SÓ LEITURA
banner-dry-run-meaning = nada é executado
banner-read-only-meaning = apenas lê
banner-record-not-written = REGISTRO NÃO GRAVADO: { $reason }
banner-prober-behind = SONDAS ATRASADAS: { $count }, máx. { $late }
banner-behind = ATRASO { $count } { $late }
banner-exchange-silent = EXCHANGE: sem veredito em { $silent } de { $all }
banner-exchange-silent-short = SEM VEREDITO { $silent }/{ $all }
banner-owed = { $count ->
    [one] { $count } PENDENTE
   *[other] { $count } PENDENTES
}
banner-ledger-unread = PENDÊNCIAS ILEGÍVEIS
banner-filter = filtro `{ $filter }` { $shown }/{ $total }
banner-sorted = por { $key }
banner-fleet-clock = frota +{ $clock }
banner-servers = { $count ->
    [0] { $count } servidores
    [one] { $count } servidor
   *[other] { $count } servidores
}
banner-prometheus-down = PROMETHEUS FORA DO AR: { $why }
banner-prometheus-down-short = PROM FORA
banner-prometheus = PROMETHEUS { $age }
banner-prometheus-short = PROM { $age }
banner-prometheus-warns = avisos: { $first }
banner-prometheus-reading = PROMETHEUS: lendo…
banner-prometheus-reading-short = PROM …
banner-alertmanager-down = ALERTMANAGER FORA DO AR
banner-alertmanager-down-short = AM FORA

## A barra de status
status-monitors = monitores
status-more-in-help = (? mostra tudo)
status-acked = { $who } ciente até { $until } UTC: { $comment } ({ $monitor })
hint-next = próximo
hint-open = abrir
hint-filter = filtrar
hint-help = ajuda
hint-quit = sair
hint-select = selecionar
hint-runbook = runbook
hint-probe = sondar
hint-back = voltar
hint-run = executar
hint-cancel = cancelar
hint-skip = pular
hint-escalate = escalar
hint-follow = acompanhar
hint-wrap = quebra
hint-back-to-fleet = à frota
hint-confirm = confirmar
hint-abort = desistir
hint-run-them = rodá-las
hint-leave = sair
hint-stay = ficar
hint-leave-running = não parar
hint-run-unrecorded = sem gravar
hint-do-not-run = não rodar
hint-go = prosseguir
hint-back-out = voltar
hint-clear = limpar
hint-apply = aplicar
hint-complete = completar
hint-earlier = histórico
hint-close = fechar

## Ajuda
help-title = Teclas
help-grid-move = mover-se pela grade
help-next-problem = próximo / anterior com falha, depois degradado
help-grid-open = abrir os detalhes da célula selecionada
help-grid-filter = filtrar servidores: nome, tipo, site ou estado
help-acknowledge = marcar como ciente (silêncio no Alertmanager) / expirar
help-page = página anterior / seguinte
help-grid-ends = primeiro / último servidor
help-grid-back = limpar o filtro
help-drill-select = selecionar um monitor
help-drill-open = abrir o runbook do monitor selecionado
help-drill-probe = executar agora a sonda do monitor
help-drill-pay = executar o que está pendente neste servidor
help-drill-write-off = dar baixa no que está pendente (digitando, com motivo)
help-drill-ends = primeiro / último monitor
help-drill-back = voltar à grade
help-run-step = executar a próxima etapa (de novo, se falhou)
help-cancel-step = cancelar etapa (grupo de processos); espera: verifica já
help-skip-step = pular etapa com falha ou opcional; espera: verifica já
help-escalate-step = escalar: passar adiante, com um motivo
help-jump-ahead = levar a execução à etapa destacada, com um motivo
help-highlight-step = destacar uma etapa: sua instrução e seu comando
help-log-toggles = log: acompanhar; quebra; só a saída da etapa destacada
help-log-scroll = rolar o log
help-runbook-back = voltar; pela metade, oferece desfazer (retoma depois)
help-close = fechar esta ajuda
help-command-line = linha de comando (Tab lista os comandos)
help-help-suspend = esta ajuda (Esc fecha); suspender (fg retorna)
help-quit = sair (pergunta se há etapas em curso ou a desfazer)
help-legend-marks = { $na } não se aplica   { $flap } oscilando   tempo fora de Íntegro
help-last-message = última mensagem: { $message }
help-record = registro do incidente:
help-log = log: { $path }

## Pequeno demais
too-small = terminal pequeno demais
too-small-size = { $width }x{ $height }, mínimo { $min_width }x{ $min_height }
too-small-way-out = aumente a janela ou tecle q para sair
too-small-question-waiting = há uma pergunta esperando: aumente a janela para responder

## Ajuda: o que as proteções deixam rodar (o README diz o mesmo)
help-read-only = SÓ LEITURA: só rodam sondas e etapas de leitura (integridade, cópias de banco de dados, local do log, qual é o servidor de Caixa de Correio); nada que altere um servidor é executado
help-dry-run = SIMULAÇÃO: cada etapa mostra seu comando exato (os dois caminhos de cada ramificação); nada é executado

## Regras dos monitores
rule-consecutive = { $count ->
    [one] { $count } falha consecutiva
   *[other] { $count } falhas consecutivas
}
rule-within = { $count ->
    [one] { $count } falha em { $window }
   *[other] { $count } falhas em { $window }
}
rule-latency = latência média em { $window } > { $limit } s
rule-queued = na fila > { $threshold } por { $duration }

## Problemas abaixo da grade
problems = { $count ->
    [one] { $count } problema
   *[other] { $count } problemas, os mais graves primeiro
}
problems-filtered = { $count ->
    [one] { $count } problema entre os servidores filtrados
   *[other] { $count } problemas entre os servidores filtrados, os mais graves primeiro
}
problems-none = nenhum problema: todo monitor visível está Íntegro, Desconhecido ou Inativo
problems-none-filtered = nenhum problema entre os servidores filtrados: todo monitor visível está Íntegro, Desconhecido ou Inativo
problems-none-known = sem informações: { $why }
problems-more = … mais { $count }: n leva a cada um
problems-for = há { $age }
problems-exchange-says = o Exchange diz: { $alert }
problems-mean-latency = latência média de comando { $seconds } s
problems-queued = solicitações na fila: { $count }
problems-acked = { $who } ciente até { $until } UTC

## A tela de detalhes
drill-source-simulator = simulador
drill-source-prometheus = Prometheus
drill-source-probe = sonda do healthdeck
drill-flapping = oscilando
drill-related = conjuntos de integridade relacionados: { $sets }
drill-label-last = último
drill-label-error = erro
drill-label-unknown = desconh.
drill-label-acked = ciente
drill-label-source = origem
drill-label-rule = regra
drill-label-latency = latência
drill-label-depends = depende
drill-probe-every = { $probe } a cada { $interval }
drill-cadence = últimas com { $gap } de intervalo
drill-cadence-late = últimas com { $gap } de intervalo, { $late } de atraso
drill-latency-of = latência de todas as sondas { $protocol } deste servidor
drill-queue-metric = métrica de solicitações na fila do { $protocol }
drill-depends-probes = as sondas acima
drill-depends-metric = uma fonte de métricas (o simulador; nenhuma numa frota real)
drill-alert-firing = disparado
drill-alert-pending = em espera
drill-alert-inactive = não disparado
drill-alert-not-generated = não gerado
drill-alert-no-data = sem dados
drill-prometheus-alert = alerta do Prometheus: { $alert }
drill-failing = { $count }/{ $of } com falha
drill-failing-over = { $of }/{ $of } com falha ({ $count } até agora)
drill-mean = , média { $ms } ms
drill-queued-now = , na fila agora: { $count }
drill-cannot-run = impossível executar: { $why }
drill-nothing-feeds = Inativo: nada alimenta este monitor
drill-last-succeeded = Êxito há { $age }, { $ms } ms
drill-last-failed = Falha há { $age }, { $ms } ms
drill-no-probe = sem sonda própria; veja a regra
drill-no-result = ainda sem resultado
drill-no-samples = ainda sem amostras
drill-latencies = { $count ->
    [one] { $count } mais recente, máx. { $max } ms
   *[other] { $count } mais recentes, máx. { $max } ms
}
drill-acked = { $who } até { $until } UTC: { $comment }
drill-owed-maybe = PENDENTE (talvez)
drill-owed-since = desde { $since } UTC, por { $who }, { $runbook }
drill-owed-run = executa
drill-owed-write-off = dá baixa (nome + motivo)
dep-authentication = Autenticação
dep-mailbox-authentication = Autenticação de servidor de Caixa de Correio
dep-high-availability = Alta Disponibilidade
dep-networking = Sistema de rede
dep-information-store = Repositório de Informações

## A tela de detalhes: o veredito do próprio Exchange
exchange-waiting = aguardando a primeira resposta
exchange-answered = respondeu há { $age }
exchange-answered-nothing = respondeu vazio há { $age }: sem dados, Desconhecido
exchange-poll-failed = consulta falhou há { $age }: { $why }
exchange-said-last = conforme a última resposta do Exchange
exchange-requested-by = solicitado por { $who }
exchange-taken-offline = posto offline: a etapa de componente do runbook do proxy o deixa Active de novo
exchange-not-a-seed = fora das páginas de origem (sem runbook)
exchange-health-set = conjunto de integridade { $state }
exchange-result-at = { $result } às { $at } UTC (há { $age })
exchange-ran-at = execução às { $at } UTC
exchange-no-execution = nenhuma execução informada
exchange-stale = DESATUALIZADO: o resultado do próprio Exchange é antigo (ele diz { $alert })

## Caixas sobre o runbook: confirmação, motivos, sair do runbook, sair do console
prompt-confirm-title = confirmar uma etapa destrutiva
prompt-locked-by = { $server } está bloqueado por { $holder }; { $why }. Quebrar o bloqueio executa a etapa de novo.
prompt-ran-before = esta etapa já foi executada às { $at } por { $who }
prompt-confirm-type = { $step } ({ $action }) em { $server }: digite o nome do servidor ({ $name }) e tecle Enter; Esc desiste
prompt-confirm-refused = `{ $typed }` não é { $name }: nada foi executado
prompt-write-off-title = dar baixa no que está pendente
prompt-no-command = (sem comando)
prompt-undoing-command = comando que desfaz: { $command }
prompt-write-off-say = Dar baixa informa a todos os consoles que isso foi feito à mão ou não é necessário. Digite { $name }, um espaço e o motivo, e tecle Enter; Esc volta.
prompt-escalate-title = escalar: passar adiante
prompt-escalate-say = Escalar encerra a execução aqui: as etapas não executadas são listadas como tal, e um resumo para quem assume o caso é gravado junto ao registro do incidente.
prompt-escalate-type = Digite o motivo, em uma linha; Enter escala; Esc fica onde está.
prompt-jump-title = avançar a execução
prompt-jump-say = Levar a execução à etapa “{ $step }”: as etapas anteriores são ignoradas e registradas como tal.
prompt-jump-type = Digite o motivo, em uma linha; Enter avança; Esc fica onde está.
prompt-ack-title = marcar como ciente
prompt-ack-say = Marcar { $monitor } em { $server } como ciente: um silêncio no Alertmanager, visível em todos os consoles que o leem, e registrado.
prompt-ack-type = Digite a duração (ex.: 2h), um espaço e o motivo, e tecle Enter; Esc volta.
prompt-budget-title = reinício acima da cota
prompt-budget-say = { $service } em { $server } não tem mais reinícios na cota: reinícios repetidos em várias execuções escondem um problema que reiniciar não resolve.
prompt-budget-type = Para reiniciar mesmo assim, digite o motivo (fica registrado); Enter reinicia; Esc deixa como está.
prompt-unrecorded-title = registro não gravado
prompt-unrecorded-say = { $what } em { $server }: rodaria sem registro; o registro guarda na memória o que puder e grava tudo quando o disco voltar a aceitar.
prompt-unrecorded-yes = executar sem registro (esta escolha fica registrada)
prompt-unrecorded-no = não executar
prompt-leave-title = sair pela metade
prompt-leave-owed = etapas de desfazer ainda pendentes:
prompt-leave-item = { $step } em { $server }
prompt-leave-running = uma etapa ainda está em curso: elas só rodam depois dela
prompt-leave-run = rodá-las agora
prompt-leave-quit = sair do console; ficam pendentes (todos os consoles as veem)
prompt-leave-leave = sair do runbook; ficam pendentes (todos os consoles as veem)
prompt-leave-quit-training = sair do console; ficam pendentes no registro (só este console as vê)
prompt-leave-leave-training = sair do runbook; ficam pendentes
prompt-leave-stay = ficar no runbook
prompt-quit-title = há etapas em curso
prompt-quit-cancel = cancelá-las e sair
prompt-quit-leave-training = deixá-las (treino: uma etapa simulada termina com o console) e sair
prompt-quit-leave = deixá-las rodando (continuam após o console fechar) e sair
prompt-quit-stay = ficar

## O painel do runbook
pane-owed = Pendências:
step-pending = a fazer
step-confirm = confirmar
step-next = próxima
step-running = em curso
step-ran = rodou
step-done = concluída
step-cancelled = cancelada
step-timed-out = expirou
step-failed = falhou
step-not-run = não rodou
step-shown = exibida
step-passed = ignorada
step-skipped = pulada
step-call = chamada
step-back = retorno
step-undo = desfazer
step-escalated = escalado
pane-dry-run-passes = SIMULAÇÃO: exibida, não executada; Enter passa adiante
pane-read-only-passes = SÓ LEITURA: não executada (altera um servidor); Enter passa adiante
pane-destructive = destrutiva: Enter pede que você digite o nome do servidor ({ $name })
pane-already-ran = já executada às { $at }{ $fleet } por { $who }
pane-ran = iniciada às { $at }{ $fleet } por { $who }: { $how }
pane-read-in = leu { $read } em { $took } s
pane-exit-in = { $exit } em { $took } s
pane-fleet = frota
pane-command-later = o comando exato aparece quando esta for a próxima etapa
pane-budget-spent = cota de reinícios ({ $service }): já gasta uma vez nesta execução; os demais reinícios dela não contam
pane-budget-left = cota de reinícios ({ $service }): saldo de { $hour } de { $per_hour } nesta hora e de { $day } de { $per_day } hoje
pane-budget-next = ; próximo reinício permitido às { $at } UTC

## O painel de log
log-title = log
log-only = só { $run } (o: tudo)
log-fleet-clock = relógio da frota
log-dropped = { $count ->
    [one] { $count } linha anterior só no registro
   *[other] { $count } linhas anteriores só no registro
}
log-follow = ao vivo
log-paused = pausado
log-wrap = quebra
log-cut = corte

## Como terminam as etapas e os runbooks (o registro mantém as próprias palavras em inglês)
exit-succeeded = teve êxito
exit-failed-code = falhou (código de saída { $code })
exit-failed = falhou
exit-timed-out = expirou
exit-cancelled = cancelada
ending-transient = transitório
ending-resolved = resolvido
ending-completed = concluído
ending-escalated = escalado
ending-aborted = interrompido
ending-not-finished-dry-run = não concluído (simulação)
ending-not-finished-read-only = não concluído (só leitura)
read-probe-succeeded = sonda: Succeeded
read-probe-failed = sonda: Failed
read-no-active-copy = nenhuma cópia ativa restante
read-active-copies = ainda há cópias ativas
read-server-healthy = servidor íntegro
read-server-unhealthy = servidor não íntegro
read-monitor-healthy = monitor: Healthy
read-monitor-not-healthy = monitor: não Healthy
read-component-active = componente: Active
read-component-inactive = componente: não Active
skip-only-if = só se { $condition }
skip-passed-over = ignorada: { $why }
skip-nothing-to-undo = nada a desfazer
skip-by-engineer = pulada pelo engenheiro
skip-no-mailbox = nenhum servidor de Caixa de Correio foi identificado
skip-too-deep = chamadas aninhadas demais
skip-unknown-procedure = o procedimento chamado não existe
skip-aborted = a execução foi interrompida aqui
skip-dry-run = simulação: exibida, não executada
skip-read-only = só leitura: não executada
skip-escalated = não executada: caso escalado

## As notas do log
note-ended = { $run } { $how } em { $took } s
note-runbook-over = runbook encerrado: { $ending }
note-runbook-over-owed = runbook encerrado: { $ending }; ainda pendente: { $owed }
note-mailbox-assumed = simulação: o servidor de Caixa de Correio vem da frota: { $server }
note-wait-elapsed = espera encerrada após { $waited } de { $wait } min: verificando de novo agora
note-wait-cancelled = espera cancelada após { $waited } de { $wait } min: verificando de novo agora
note-wait-skipped = espera pulada após { $waited } de { $wait } min: verificando de novo agora
note-waiting = esperando { $wait } min (até { $until }); depois, verifica de novo
note-if = se { $when }
note-cancelling = cancelando { $run }…
note-handover = resumo para quem assume o caso: { $path }
note-opened = { $runbook } aberto: { $monitor } em { $server }
note-resumed = retomado de onde parou: Enter executa a próxima etapa
note-restarts-count-once = { $count ->
    [one] este runbook pode reiniciar um serviço em { $server } até { $count } vez: os reinícios de uma execução contam uma só vez na cota de reinícios ({ $per_hour } por hora, { $per_day } por dia)
   *[other] este runbook pode reiniciar um serviço em { $server } até { $count } vezes: os reinícios de uma execução contam uma só vez na cota de reinícios ({ $per_hour } por hora, { $per_day } por dia)
}
note-owed-already = já pendente aqui: { $owed }
note-owed = pendente: { $owed }
note-maybe-owed = { $owed } talvez ainda esteja pendente em { $server }: { $step } não teve êxito, mas rodou; continua pendente até rodar ou receber baixa
note-breaking-lock = quebrando o bloqueio de { $server } mantido por { $holder }

## Mensagens na barra de status
flash-still-owed = ainda pendente: { $owed }; q sai
flash-step-failed = { $step } { $exit }: Enter executa de novo, s pula, e escala
flash-step-running = uma etapa está em curso: c a cancela
flash-waiting = em espera: a nova verificação começa sozinha; c cancela
flash-next-highlighted = Enter executa a próxima etapa, agora destacada
flash-runbook-over = o runbook terminou ({ $ending }): Esc o fecha
flash-no-longer-waiting = a etapa não espera mais para ser executada de novo
flash-nothing-running = nada em curso
flash-running-cancel-first = uma etapa está em curso: c a cancela antes
flash-cannot-skip = só uma etapa com falha ou opcional pode ser pulada
flash-nothing-to-escalate = o runbook terminou: não há nada a escalar
flash-handover = passagem do caso: { $name }
flash-handover-not-written = PASSAGEM DO CASO NÃO GRAVADA: { $why }
flash-runbook-still-open = o runbook de { $monitor } em { $server } ainda está aberto: conclua-o ou saia dele antes
flash-runbook-not-failing = { $monitor } está { $alert }: o runbook só abre quando ele está Degradado ou Com falha
flash-runbooks-not-loaded = os runbooks não foram carregados (veja healthdeck lint)
flash-no-runbook = nenhum runbook para { $monitor } em servidor { $role }
flash-cannot-open = impossível abrir { $procedure }: { $error }
flash-step-goes-on = a etapa continua em segundo plano; Enter no monitor volta a ela
flash-undo-waits = uma etapa ainda está em curso: as etapas de desfazer só rodam depois dela; l sai e as deixa pendentes
flash-quits-when-paid = executando as etapas de desfazer; o console sai quando terminarem
flash-cancelling-then-quit = cancelando; as pendências são oferecidas em seguida (q de novo sai na hora)
flash-backed-out = voltou atrás: nada foi feito
flash-written-off = baixa dada: { $owed } em { $server }
flash-nothing-owed-here = nada pendente neste servidor
flash-runbook-open = há um runbook aberto: conclua-o ou saia dele antes (Esc)
flash-owed-unknown-step = { $owed } não é uma etapa de runbook que este console conheça: dê baixa (x) depois de fazer à mão
flash-cannot-pay = impossível executar o que está pendente: { $error }
flash-not-confirmed = não confirmado: nada foi executado
flash-no-problem-in-view = nenhum monitor visível com falha ou degradado
flash-exchange-no-probe = o Exchange não indica sonda para este monitor: r só executa as sondas das páginas de origem
flash-no-probe-of-its-own = { $monitor } não tem sonda própria
flash-dry-run-not-run = simulação: não executado: { $command }
flash-probing-now = executando { $probe } em { $server } agora…
flash-probe-succeeded = { $what }: Succeeded
flash-probe-failed = { $what }: Failed (veja o último erro)
flash-probe-not-run = { $what }: não foi possível executar ({ $exit })
what-rerun-probe = Reexecutar { $probe }
what-probe-on = { $probe } em { $server }
flash-too-small = o terminal é pequeno demais: aumente a janela (ou q para sair)
flash-exchange-own-monitor = nenhum runbook para este monitor: é do próprio Exchange, não das páginas de origem; o erro dele aparece aqui
flash-not-run-on-role = { $set } não roda em { $server } (servidor { $role })

## Enquanto ninguém estava olhando (o relatório depois que a conexão cai) e o que está pendente ao iniciar
hangup-title = Enquanto ninguém estava olhando
hangup-terminated = O console foi encerrado (SIGTERM) em { $at } UTC com { $steps } em curso, { $what }:
hangup-hung-up = A conexão do terminal caiu em { $at } UTC com { $steps } em curso, { $what }:
hangup-cancelled = que o console cancelou
hangup-left-to-finish = que o console deixou rodar até o fim
hangup-quit-leaving = O console foi fechado em { $at } UTC, deixando { $steps } em curso:
hangup-steps = { $count ->
    [one] { $count } etapa
   *[other] { $count } etapas
}
hangup-owed = Etapas de desfazer pendentes quando o console parou (até rodarem ou receberem baixa):
hangup-step = #{ $run } { $title } em { $server } por { $who }: { $outcome }
hangup-ended = { $exit } às { $at }
hangup-ended-code = { $exit } (código de saída { $code }) às { $at }
hangup-ended-unknown = { $exit } às { $at } (código de saída desconhecido)
hangup-exit-ended = terminou
hangup-still-running = ainda em curso (PID { $pid })
hangup-gone = terminou; não se sabe como (o PID { $pid } não existe mais)
hangup-no-end = o fim não consta no registro (o console foi encerrado à força?)
hangup-record = Registro: { $path }
hangup-closing = A saída dessas etapas está no registro do incidente daquela sessão. Qualquer tecla fecha este aviso.
owed-box-title = Pendências
owed-box-head = { $count ->
    [one] { $count } etapa de desfazer pendente nesta frota, ainda não executada:
   *[other] { $count } etapas de desfazer pendentes nesta frota, ainda não executadas:
}
owed-box-closing = Enter na célula do servidor; depois, u executa ou x dá baixa (com um motivo). Qualquer tecla fecha este aviso.

## A linha de comando e as marcações de ciente
flash-sorted = ordenado por { $key }
flash-sort-keys = ordenar por name, state, age, site ou fleet
flash-theme-usage = theme NAME: default, light, high-contrast, monochrome ou um arquivo YAML
flash-nothing-owed = nada pendente na frota
flash-unknown-command = comando desconhecido `{ $command }`: { $known }
flash-theme = tema { $name }
flash-theme-not-changed = tema não alterado: { $why }
flash-exported = gravado junto ao registro: { $name }
flash-export-not-written = exportação não gravada: { $why }
ack-too-short = a marcação de ciente dura no mínimo um minuto (ex.: 2h)
ack-too-long = no máximo uma semana: um silêncio mais longo esconde o próximo incidente
ack-why-missing = falta o motivo, depois da duração
ack-not-a-duration = `{ $typed }` não é uma duração: digite, por ex., 2h, um espaço e o motivo
ack-sending = marcando { $monitor } em { $server } como ciente…
ack-not-shared = marcar como ciente exige o Alertmanager: este console avalia a frota sozinho (configure health.prometheus com um alertmanager no inventário)
ack-nothing-here = nada marcado como ciente aqui
ack-expiring = expirando a marcação de ciente de { $monitor } em { $server }…
ack-no-alertmanager = marcar como ciente exige o Alertmanager: o health.prometheus do inventário não indica nenhum (alertmanager: http://HOST:PORT)
ack-no-server = nenhum servidor selecionado
ack-only-own-monitors = aqui só se marca como ciente um monitor do healthdeck
ack-cell-has-none = só se marca como ciente um monitor Com falha: esta célula não tem nenhum
ack-not-run-here = ausente neste servidor
ack-not-unhealthy = só se marca como ciente um monitor Com falha: { $monitor } está { $alert }
ack-already = { $monitor } já está marcado como ciente: A expira a marcação
ack-done = { $monitor } em { $server } marcado como ciente até { $until } UTC
ack-expired = a marcação de ciente de { $monitor } em { $server } expirou
ack-refused = o Alertmanager recusou: { $why }
