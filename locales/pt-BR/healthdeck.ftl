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
ending-left = deixado pela metade
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

## A exportação do incidente (Markdown): mantenha as marcas de Markdown (** e `) em volta das mesmas palavras
export-title = Registro do incidente { $name }
export-session = Sessão
export-engineer = Engenheiro
export-host = Host
export-host-pid = { $host } (pid { $pid })
export-ssh = Conexão SSH
export-ssh-none = nenhuma (terminal local)
export-mode = Modo
export-dry-run = Simulação
export-read-only = Só leitura
export-language = Idioma
export-recorded-by = Gravado por
export-started = Início
export-ended = Fim
export-ended-at = { $reason } em { $at }
export-not-ended-yet = ainda não: este resumo foi gravado com o console em execução
export-not-ended = não registrado: o console foi encerrado à força ou ainda está em execução
export-duration = Duração
export-duration-fleet = { $wall } (relógio da frota: { $fleet })
export-yes = sim
export-no = não
export-none = nenhuma
export-reason-quit = saída
export-reason-hangup = queda da conexão (SIGHUP)
export-reason-sigterm = encerrado (SIGTERM)
export-timeline = Linha do tempo
export-times = Horários reais, em UTC.
export-times-on = Horários reais, em UTC, do dia { $day }.
export-times-training = Horários reais, em UTC; entre colchetes, o relógio da frota de treino, que anda mais rápido. Esperas e durações das etapas estão no tempo da frota.
export-times-on-training = Horários reais, em UTC, do dia { $day }; entre colchetes, o relógio da frota de treino, que anda mais rápido. Esperas e durações das etapas estão no tempo da frota.
export-fleet-at = frota { $time }
export-fleet-span = { $span } no relógio da frota
export-torn = Observação: a última linha foi cortada (o console foi encerrado à força) e ficou de fora.
export-list = { $rest } e { $last }
export-no-output = sem saída
export-output-lines = { $count ->
    [one] { $count } linha de saída
   *[other] { $count } linhas de saída
}
export-output-lines-stderr = { $count ->
    [one] { $count } linha de saída ({ $stderr } no stderr)
   *[other] { $count } linhas de saída ({ $stderr } no stderr)
}
export-step-output = Saída das etapas
export-step-output-about = `!` marca uma linha do stderr. Uma saída longa mostra as { $head } primeiras e as { $tail } últimas linhas; o registro guarda todas.
export-run-not-started = #{ $run } (o início não consta no registro)
export-more-lines = … mais { $count } linhas no registro

## A exportação do incidente: os itens da linha do tempo
export-run = Etapa #{ $run }
export-run-step = Etapa #{ $run } { $step } em { $server }
export-run-compensation = Etapa de desfazer #{ $run } { $step } em { $server }
export-session-again = Cabeçalho de sessão de novo: { $user } em { $host } (pid { $pid })
export-runbook-opened = Runbook aberto para **{ $monitor }** em { $server }: { $title } ({ $procedure })
export-step-started = Etapa #{ $run } **{ $title }** ({ $step }) em { $server } iniciada por { $by }
export-compensation-started = Etapa de desfazer #{ $run } **{ $title }** ({ $step }) em { $server } iniciada por { $by }
export-step-ended = { $run } **{ $exit }**{ $code } após { $duration }; { $outputs }
export-exit-code = (código de saída { $code })
export-facts = fatos: { $facts }
export-cancel-asked = { $by } pediu para cancelar { $run }
export-hangup = **A conexão do terminal caiu** com { $running } em curso: política { $policy }, a saída continua sendo gravada
export-owed-on-fleet = **pendente na frota**: { $owed }
export-session-ended = Sessão encerrada: { $reason }
export-left-running = **deixadas rodando**: { $runs }
export-record-gap = **Lacuna no registro**: { $lines } linhas de saída ({ $bytes } bytes) não foram guardadas ({ $reason })
export-unrecorded-ran = **Registro não gravado** ({ $reason }): { $by } optou por executar { $what } em { $server } sem registro
export-unrecorded-not-run = **Registro não gravado** ({ $reason }): { $by } optou por não executar { $what } em { $server } sem registro
export-engine-refused = **O mecanismo de runbooks recusou** { $asked } em { $procedure }: { $error }
export-skipped = Etapa { $step } pulada em { $server }: { $reason }
export-skipped-would = Etapa { $step } pulada em { $server }: { $reason }; ela teria rodado
export-confirmation = { $by } digitou { $typed } para confirmar { $step } em { $server }: **{ $verdict }**
export-typed-nothing = nada
export-accepted = aceita
export-refused = recusada
export-offered = Etapas de desfazer oferecidas para { $procedure }: { $owed }
export-chose-run = { $by } optou por **executar** as etapas de desfazer de { $procedure }: { $owed }
export-chose-not-run = { $by } optou por **não executar** as etapas de desfazer de { $procedure }: { $owed }
export-closed = Runbook { $procedure } encerrado: **{ $ending }**; nenhuma etapa de desfazer ficou pendente
export-closed-owed = Runbook { $procedure } encerrado: **{ $ending }**; **etapas de desfazer ainda pendentes: { $owed }**
export-drill-started = **Treino iniciado**: { $scenario } ({ $minutes } min no tempo da frota): { $objective }
export-drill-ended = **Treino encerrado**: { $end }, pontuação { $score }/100
export-drill-healed = recuperado
export-drill-budget-over = prazo esgotado
export-drill-quit = abandonado
export-examined-drill-down = { $monitor } em { $server } visto pela primeira vez (tela de detalhes)
export-examined-cell = { $monitor } em { $server } visto pela primeira vez (célula da grade)
export-transition = **{ $monitor }**{ $source } em { $server }: { $from } → { $to }
export-prometheus = Prometheus: { $state }
export-prometheus-why = Prometheus: { $state } ({ $why })
export-exchange = Veredito do Exchange sobre { $server }: { $state }
export-exchange-why = Veredito do Exchange sobre { $server }: { $state } ({ $why })
export-exchange-many = Veredito do Exchange sobre { $count } servidores: { $state }{ $why }: { $servers }{ $more }
export-and-more = e mais { $count }
export-acknowledged = **{ $monitor }** em { $server } marcado como ciente por { $by } até { $until } UTC: { $comment } (silêncio { $silence })
export-ack-expired = Marcação de ciente de **{ $monitor }** em { $server } expirada por { $by } (silêncio { $silence })
export-ack-failed = Falha ao marcar **{ $monitor }** em { $server } como ciente: { $why }
export-undo-with = desfazer com
export-no-command = nenhum comando registrado
export-owed = Etapa de desfazer **pendente** em { $server }: **{ $title }** ({ $step }), pois { $cause } teve êxito (por { $by })
export-owed-maybe = Etapa de desfazer **pendente (talvez)** em { $server }: **{ $title }** ({ $step }), pois { $cause } foi iniciada (por { $by })
export-cleared-ran = Etapa de desfazer { $step } em { $server } **resolvida**: rodou e teve êxito (por { $by })
export-written-off = **Baixa dada** por { $by } na etapa de desfazer { $step } em { $server }: { $reason }
export-written-off-no-reason = **Baixa dada** por { $by } na etapa de desfazer { $step } em { $server }, sem motivo informado
export-cleared-how = Etapa de desfazer { $step } em { $server } **resolvida** ({ $how }) por { $by }
export-every-step-ran = todas as etapas já tinham rodado
export-not-run = não executadas: { $steps }
export-escalated = { $by } **escalou** { $procedure } em { $server }: { $reason }; { $not_run }
export-handover-written = Resumo da passagem do caso de { $procedure } em { $server } gravado: { $path }
export-passed-over = { $by } **ignorou** { $steps } em { $server } para avançar até { $to }: { $reason }
export-over-budget = { $by } permitiu um reinício de { $service } em { $server } **acima da cota de reinícios**: { $reason }
export-detached = { $run } **deixada rodando** por { $by } ({ $pid }): desvinculada, continua depois que o console fecha
export-pid = pid { $pid }
export-pid-unknown = pid desconhecido
export-wait-started = Espera de **{ $span }** iniciada para { $step } em { $server }, até { $until }; depois vem a nova verificação
export-wait-ended = A espera de { $step } em { $server } foi **{ $how }** após { $waited }; a nova verificação roda em seguida
export-wait-ended-by = A espera de { $step } em { $server } foi **{ $how }** por { $by } após { $waited }; a nova verificação roda em seguida
export-wait-elapsed = encerrada
export-wait-cancelled = cancelada
export-wait-skipped = pulada
export-schedule = Sondas em { $span } s: { $on_time } de { $ran } no horário, { $skipped } execuções puladas, atraso máximo de { $late } s ({ $limit } simultâneas permitidas, teto { $ceiling })
export-caught-up = As sondas **voltaram a ficar em dia** com o agendamento
export-behind = **Sondas atrasadas**: { $late } sondas com atraso de até { $by } s: { $why }
export-stale = **{ $count ->
    [one] { $count } monitor ficou desatualizado
   *[other] { $count } monitores ficaram desatualizados
}** (Íntegro → Desconhecido)
export-stale-behind = **{ $count ->
    [one] { $count } monitor ficou desatualizado
   *[other] { $count } monitores ficaram desatualizados
}** (Íntegro → Desconhecido) enquanto as sondas estavam atrasadas
export-fresh = **{ $count ->
    [one] { $count } monitor voltou a responder
   *[other] { $count } monitores voltaram a responder
}** (Desconhecido → Íntegro)
export-at-once = { $what }: { $which }; em { $servers }{ $more }

## A exportação do incidente: o que ficou por desfazer e o resumo da passagem do caso numa escalação
export-left-undone = Ficou por desfazer
export-left-undone-nothing = Nada: toda etapa de desfazer pendente neste registro foi resolvida.
export-left-undone-about = Etapas de desfazer pendentes neste registro e nunca resolvidas: cada servidor pode ainda estar recuperado só pela metade. Execute o comando ou dê baixa na tela de detalhes do console.
export-undone = **{ $title }**{ $maybe } em **{ $server }** ({ $step }), pendente desde { $since } por { $by }, após { $cause }
export-undone-maybe = (talvez: a etapa começou e nunca teve êxito)
handover-title = Passagem do caso: { $procedure } em { $server }
handover-escalated = { $by } escalou às { $at }: { $reason }.
handover-not-run = Não executadas: { $steps }.
handover-from-start = desde o início da sessão
handover-from-opening = desde a abertura do runbook às { $at }
handover-part = Esta é a parte do runbook no registro do incidente { $record }, { $from } até a escalação; o restante está no próprio registro.
handover-owed = Pendências na frota
handover-owed-nothing = Nada estava pendente na frota quando o runbook foi escalado.
handover-owed-about = Etapas de desfazer pendentes em toda a frota quando o runbook foi escalado: cada uma deixa um servidor recuperado só pela metade até ser executada ou receber baixa.

## A avaliação de um treino (a tela e a exportação)
debrief-healed = recuperado { $after } depois que a falha apareceu (prazo { $budget })
debrief-not-healed = não recuperado dentro do prazo ({ $budget })
debrief-left = abandonado antes da recuperação (prazo { $budget })
debrief-detect = detecção ({ $after })
debrief-runbook = runbook certo ({ $after })
debrief-mitigate = mitigação ({ $after })
debrief-path = caminho esperado
debrief-safety = segurança
debrief-twice = { $lesson } (duas vezes)
debrief-times = { $lesson } ({ $count } vezes)
debrief-repeat = Semente { $seed }: healthdeck drill --scenario random --seed { $seed } repete este treino.
debrief-title = Avaliação do treino
debrief-score = { $scenario }: pontuação **{ $score }/100**, { $ending }.
debrief-part = critério
debrief-points = pontos
debrief-timeline = Linha do tempo, ao lado do caminho esperado
debrief-expected-path = Esperado: { $runbook } em { $server }, etapas { $steps } (para { $monitor }).
debrief-at = quando
debrief-happened = o que aconteceu
debrief-expected = esperado
debrief-findings = Constatações
debrief-no-findings = Nenhuma: nada inseguro foi feito.
debrief-head = { $scenario }: pontuação { $score }/100, { $ending }.
debrief-no-unsafe = Nenhuma ação insegura.
debrief-closing = A avaliação fica gravada junto ao registro do incidente. q sai, Esc volta à frota.
debrief-more-steps = mais { $count } etapas: veja o Markdown
debrief-expected-on = Esperado em { $server }
debrief-what-happened = O que aconteceu
debrief-beat-fault = falha em { $monitor } @{ $server }
debrief-beat-looked = viu um monitor com falha
debrief-beat-see = ver um monitor com falha
debrief-beat-reached = chegou a { $runbook } @{ $server }
debrief-beat-open = abrir { $runbook }
debrief-beat-healthy = { $monitor } Íntegro de novo
debrief-beat-healed = solução: { $heals }
debrief-lesson-not-at-fault = você executou { $step } ({ $action }) em { $server }, que não tinha falha: encontre na grade e na tela de detalhes o servidor do monitor com falha antes de uma etapa destrutiva
debrief-lesson-wrong-service = você reiniciou { $service } em { $server }, que não era o serviço com falha: leia antes a tela de detalhes (o serviço que o monitor verifica e, numa sonda CTP, o servidor de Caixa de Correio indicado no erro dela)
debrief-lesson-failover-healthy = você retirou os bancos de dados ativos de { $server }, que estava íntegro: confira o monitor na tela de detalhes antes de uma etapa destrutiva
debrief-lesson-while-healthy = você executou { $step } em { $server } quando { $monitor } já estava Íntegro: execute a sonda novamente antes; um monitor recuperado não precisa de reparo
debrief-lesson-skipped-verification = você executou { $step } em { $server } sem a etapa de verificação de { $procedure }: verifique se o problema ainda existe antes de alterar qualquer coisa
debrief-lesson-owed = você deixou pendências em { $server } ({ $steps }): execute as etapas de desfazer (ou dê baixa nelas com um motivo) antes de sair
debrief-lesson-escalated-solved = você escalou quando { $monitor } em { $server } já estava Íntegro de novo: execute a sonda novamente antes de passar adiante um problema que já não existe

## Mensagens na barra de status: o ritmo das sondas, etapas não iniciadas sem registro
flash-prober-behind = sondas atrasadas: { $late }; { $why }
pace-at-ceiling = no teto de { $ceiling } sondas simultâneas: aumente probes.ceiling
pace-slow-servers = os servidores respondem mais devagar do que o agendamento permite
flash-not-started-unrecorded = { $what } não começou: registro não gravado
flash-not-started = { $what } em { $server }: não começou

## `healthdeck check` (a primeira linha é do Nagios e fica como está) e `healthdeck lint`
check-not-run = não executada: { $why }
check-succeeded = teve êxito em { $took }
check-exchange-poll = consulta ao Exchange: { $why }
check-exchange-healthy = Exchange: { $count ->
    [0] { $count } monitores
    [one] { $count } monitor
   *[other] { $count } monitores
} Healthy
check-exchange-monitor = Exchange: { $alert }
check-stale = desatualizado
check-requested-by = solicitado por { $requesters }
check-exchange-nothing = o Exchange respondeu vazio: sem dados, não íntegro
check-exchange-no-monitor = o Exchange não informou nenhum monitor dos conjuntos de integridade IMAP ou POP
lint-clean = arquivos verificados: { $files }; nenhum problema
lint-findings = arquivos verificados: { $files }; { $count ->
    [one] { $count } problema
   *[other] { $count } problemas
}

## `healthdeck replay`: o banner, as teclas, as entradas reproduzidas e o runbook como o registro o deixou
replay-keys = q sair  space tocar/pausa  l/h passo  +/- ritmo  g/G início/fim  j/k servidor
replay-no-server = nenhum servidor no registro
replay-paused = pausado
replay-banner = REPRODUÇÃO só leitura { $position }/{ $len } | { $state } | { $clock } | { $name }
replay-transition = { $monitor } em { $server }: { $from } -> { $to }
replay-examined = { $monitor } em { $server } visto
replay-runbook-opened = runbook aberto: { $title } @{ $server }
replay-step-ended = #{ $run } { $exit } em { $seconds } s
replay-confirmed = { $step } @{ $server } confirmada: { $by } digitou
replay-refused = { $step } @{ $server } recusada: { $by } digitou
replay-skipped = { $step } pulada: { $reason }
replay-wait = { $step }: espera de { $minutes } min
replay-waited = { $step }: espera { $how } após { $seconds } s
replay-closed = runbook encerrado: { $ending }
replay-escalated = escalado @{ $server }: { $reason }
replay-drill-ended = treino encerrado: { $end }, { $score }/100
replay-earlier-steps = { $count ->
    [one] { $count } etapa anterior
   *[other] { $count } etapas anteriores
}
replay-output = saída
replay-output-earlier = saída, { $count } linhas anteriores no registro
replay-typed-by = { $by } digitou
replay-refused-by = recusada, { $by }
replay-running = em curso
replay-wait-min = espera de { $minutes } min
replay-undo = (desfazer)
replay-after-s = após { $seconds } s
replay-after-min = após { $minutes } min
replay-skipped-reason = pulada: { $reason }
replay-session-ended = sessão encerrada: { $reason }
replay-hangup = a conexão do terminal caiu
replay-owed = pendente @{ $server }: { $title }
replay-owed-cleared = resolvida @{ $server }: { $step }
replay-drill-started = treino iniciado: { $scenario }
replay-acknowledged = ciente: { $monitor } @{ $server }

## Uma etapa de desfazer pendente na frota, em uma linha (o registro guarda o próprio inglês)
debt-line = { $title } em { $server }: pendente desde { $since } UTC por { $by } ({ $procedure }/{ $cause })
debt-line-maybe = { $title } (talvez) em { $server }: pendente desde { $since } UTC por { $by } ({ $procedure }/{ $cause })

## A confirmação digitada: o que o monitor por trás da etapa mostra agora (o registro guarda o inglês)
confirm-now = agora: { $monitor } em { $server } está { $alert }
confirm-now-for = agora: { $monitor } em { $server } está { $alert } há { $minutes } min
confirm-healthy-now = { $monitor } está { $healthy } agora: talvez esta etapa não seja necessária
confirm-unknown = nada indica falha neste servidor (estado: { $unknown })
confirm-error-names = o erro da sonda aponta { $other }, também com falha: a falha pode estar lá, não em { $server }
confirm-not-failing-here = { $server } não tem nenhum monitor { $protocol } com falha: talvez a falha não esteja nele

## Por que uma caixa de motivo ou um avanço ainda não pode agir (o que foi digitado fica)
refuse-reason-needed = falta o motivo: digite uma linha e tecle Enter
refuse-write-off-why = falta o motivo, após o nome: nenhuma baixa foi dada
refuse-write-off-name = `{ $typed }` não é { $name }: nenhuma baixa foi dada
refuse-step-running-cancel = uma etapa está em curso: Esc, depois c a cancela antes
refuse-step-running-wait = uma etapa está em curso: Esc, depois espere que termine ou c a cancela
refuse-jump-ahead = > leva a execução a uma etapa mais à frente: Esc, depois destaque uma (j/k)
refuse-owed-in-between = impossível ir até lá: { $step } está pendente no meio do caminho: execute-a (ou dê baixa nela) antes
refuse-cannot-move = impossível ir até lá: { $why }
flash-output-highlight = a tecla o mostra a saída de uma etapa: destaque uma que já rodou

## As primeiras palavras de um treino na barra de status
flash-drill = treino: { $objective } ({ $budget } no tempo da frota; q encerra)

## Runbook titles a record holds, as a reader shows them
title-resumed = { $title } (retomado)
title-paying = pendências de { $procedure }

## O que o console diz sobre uma etapa: por que terminou assim, por que não começou (o registro mantém o inglês)
said-as-is = { $text }
said-and = { $first }; { $then }
said-timed-out = expirou após { $secs } s; seu grupo de processos foi encerrado à força
said-output-held-open = sua saída continuava aberta depois que o grupo de processos foi encerrado à força, provavelmente por um processo que saiu do grupo; a leitura foi interrompida
said-let-go = seu comando terminou, mas processos iniciados por ele ainda mantinham a saída aberta após 2 s: o que imprimirem depois não será capturado
said-cancelled-killed = cancelada; seu grupo de processos foi encerrado à força
said-killed-by = encerrada por { $signal }
said-killed-by-core = encerrada por { $signal } (core dump gerado)
said-ended-with = terminou com { $status }
said-command-empty = impossível iniciar a etapa: o comando dela está vazio
said-cannot-start = impossível iniciar `{ $program }`: { $error }
said-not-all-recorded = não foi possível gravar toda a saída: { $error }
said-lock-not-kept = não foi possível manter o bloqueio do servidor: { $refusal }
said-lock-lost = o bloqueio do servidor foi perdido: { $error }
said-unknown-exit = ficou rodando quando o console foi fechado; o código de saída é desconhecido (o console, que era o processo pai, já tinha saído)
said-cannot-run-here = { $why }: esta etapa não pode rodar aqui
said-no-lock-dir = nenhum diretório de bloqueio configurado
said-no-credentials = sem credenciais para as sondas
said-no-probes = nenhuma sonda roda neste console
said-no-simulator = nenhum simulador de treino em execução
said-broken = o console falhou ao executar esta etapa (um bug: { $panic }); o comando pode ter rodado: verifique o servidor antes de continuar
said-sim-cancelled = cancelada antes que o simulador a executasse; a frota simulada não foi alterada
said-sim-late-cancel = o cancelamento chegou depois que o simulador já tinha executado a etapa; nada foi desfeito
said-unreadable-output = não foi possível ler a saída ({ $why }): nada foi constatado
said-unread-gate = a saída não informou { $fact }: nada foi constatado

## Por que uma etapa não rodou: outro console detém o servidor, ou os reinícios da cota acabaram
said-locked = { $server } está bloqueado por { $holder }: nada foi executado
said-locked-stale = { $server } está bloqueado por { $holder }; { $stale }
said-lock-io = impossível obter o bloqueio: { $error }
said-nothing-ran = { $why }: nada foi executado
said-holder = { $owner } em { $host } (pid { $pid }), { $action } desde { $since }, último sinal de vida às { $heartbeat }
said-locked-by = bloqueado por { $holder }
said-locked-by-stale = bloqueado por { $holder }; { $stale }
said-abandoned = parece abandonado: { $why }
said-untrusted = não dá para confiar no sinal de vida: { $why }
said-dead-pid = o processo que detém o bloqueio não está mais rodando neste host
said-no-heartbeat = sem sinal de vida há { $age }
said-lock-unreadable = o arquivo de bloqueio está ilegível e não muda há mais de 2 min
said-future-heartbeat = o último sinal de vida está { $ahead } à frente do relógio deste host, mais que os { $skew } s de diferença tolerados entre dois relógios: um deles está errado, e não há como saber se quem detém o bloqueio ainda está rodando
said-restarted = { $service } em { $server } foi reiniciado { $windows }
said-restarted-hour = { $count ->
    [0] { $count } vezes
    [one] { $count } vez
   *[other] { $count } vezes
} na última hora (limite de { $limit } por hora)
said-restarted-day = { $count ->
    [0] { $count } vezes
    [one] { $count } vez
   *[other] { $count } vezes
} nas últimas 24 horas (limite de { $limit } por dia)
said-both = { $first } e { $then }
said-next-restart = { $restarted }: o próximo reinício é permitido { $at }
said-restarts-off = { $restarted }: com limite 0, os reinícios deste serviço ficam desativados
said-at = às { $time } (daqui a { $wait })
said-at-tomorrow = amanhã às { $time } (daqui a { $wait })
said-at-on = em { $date }, às { $time } (daqui a { $wait })

## Etapas que este console não pode executar nesta plataforma
said-no-command = nenhum comando para { $action } em { $server }: faça à mão e depois tecle s para pular
said-person-job = { $action } é trabalho para uma pessoa
said-refused-value = recusado antes de qualquer execução: { $rejected }
said-no-agent = o Prometheus avalia esta frota e o inventário não indica nenhum agente (health.prometheus.agent): nenhuma sonda roda a partir deste console
said-probe-cannot-run = { $probe } não pode rodar em { $server } (sem endpoint ou sem credenciais no inventário)
said-its-probe = a sonda do monitor
said-not-in-fleet = { $server } não está nesta frota

## What is wrong in a file (runbooks, inventory, scenarios, themes, keys), after file:line:column
finding-yaml-tab = uma tabulação: o YAML indenta só com espaços
finding-yaml-second-document = um segundo documento YAML começa aqui: um arquivo contém apenas um (remova a linha `---` ou divida o arquivo)
finding-yaml-alias-bomb = os aliases se expandem demais (uma bomba de aliases?): o primeiro alias que repete outros está aqui
# Um valor recusado antes que qualquer shell o visse: o valor, depois o porquê ($reason: uma das finding-value-* abaixo).
finding-value-rejected = `{ $value }` { $reason }
# $what: finding-value-what-name, -host ou -login.
finding-value-empty = valor vazio onde se espera { $what }
finding-value-what-name = um nome
finding-value-what-host = um nome de host
finding-value-what-login = um nome de login
finding-value-line-break = contém uma quebra de linha, que encerraria o comando
finding-value-blank = contém um espaço em branco, que o dividiria em duas palavras
finding-value-control = contém o caractere de controle `{ $char }`
finding-value-not-ascii = contém `{ $char }` ({ $code }), que não é ASCII simples; é aí que se escondem caracteres parecidos com aspas e separadores
finding-value-shell-sign = contém `{ $char }`, que um shell interpretaria
finding-value-not-allowed = contém `{ $char }`, caractere que { $what } não admite
finding-value-dash-option = começa com `-`, que um comando leria como opção
finding-value-dash-ssh = começa com `-`, que o ssh leria como opção
finding-value-login-start = não começa com uma letra ou `_`, como começa todo nome de login
finding-value-too-long = tem { $length } caracteres; { $what } tem no máximo { $max }
finding-value-empty-label = tem um rótulo vazio entre pontos
finding-value-long-label = tem um rótulo de { $length } caracteres; um rótulo DNS tem no máximo { $max }
finding-value-label-dash = tem um rótulo que começa ou termina com `-`, o que nenhum nome DNS tem
# Um caractere que um valor não pode conter, como "contém { $char }" o nomeia.
finding-char = `{ $char }`
finding-char-space = um espaço
finding-char-control = um caractere de controle ({ $code })
finding-char-whitespace = um espaço em branco ({ $code })
finding-char-not-ascii = `{ $char }` ({ $code }, não ASCII)
# O inventário: depois de arquivo:linha:coluna, o campo ($field: `servers[1].imap[0].host`), depois o que está errado.
finding-inventory-field = { $field }: { $finding }
# O que está errado, depois a regra ($rule: finding-inventory-rule-*).
finding-inventory-with-rule = { $finding } ({ $rule })
finding-inventory-rule-server-name = um nome de servidor é um nome de host: letras ASCII, dígitos, `-` e `.`, rótulos de no máximo 63 caracteres, no máximo 253 no total
finding-inventory-rule-host = um host é um nome DNS de letras ASCII, dígitos, `-` e `.`, ou um endereço IPv4 ou IPv6
finding-inventory-server-name-empty = o nome do servidor está vazio
finding-inventory-host-empty = o host está vazio
finding-inventory-starts-with-dash = `{ $value }` começa com `-`
finding-inventory-contains = `{ $value }` contém { $char }
finding-inventory-host-brackets = `{ $host }`: escreva o endereço IPv6 sem colchetes
finding-inventory-env-name = `{ $name }` não é um nome de variável de ambiente (letras ASCII, dígitos e `_`, sem começar com dígito)
finding-inventory-name-empty = o nome do inventário está vazio
finding-inventory-name-refused = `{ $value }` contém { $char } (o nome do inventário é ASCII imprimível)
finding-inventory-name-too-long = o nome do inventário tem mais de { $max } caracteres
finding-inventory-site-empty = o site está vazio
finding-inventory-site-refused = `{ $value }` contém { $char } (o site é ASCII imprimível)
finding-inventory-site-too-long = o site tem mais de { $max } caracteres
finding-inventory-file-name = o nome de arquivo `{ $stem }` não pode ser o nome do inventário: adicione `name:` (ASCII imprimível, no máximo { $max } caracteres)
finding-inventory-password-written = uma senha escrita no inventário é recusada: escreva-a num arquivo com modo 0600 ({"{"} file: PATH {"}"}) ou numa variável de ambiente ({"{"} env: NAME {"}"})
finding-inventory-user-empty = o nome de usuário está vazio
finding-inventory-user-control = `{ $user }` contém um caractere de controle: IMAP e POP3 não conseguem transmiti-lo
finding-inventory-path-empty = o caminho do arquivo está vazio
finding-inventory-probes-in-flight = o número de sondas simultâneas deve ir de 1 a { $max }
finding-inventory-probe-interval = o intervalo de sondagem deve ser maior que zero
finding-inventory-probe-timeout = o tempo limite de sondagem deve ser maior que zero
finding-inventory-probe-timeout-long = o tempo limite de { $timeout } é maior que o intervalo de sondagem de { $interval }: as sondas se acumulariam
finding-inventory-unknown-monitor = monitor desconhecido `{ $monitor }` (conhecidos: { $known })
# $rule: uma mensagem rule-*; $shape: o YAML que as regras do monitor aceitam.
finding-inventory-rule-misfit = `{ $rule }` não se aplica a { $monitor }: use { $shape }
finding-inventory-interval-short = o intervalo de { $interval } é menor que o tempo limite de sondagem de { $timeout }: as sondas se acumulariam
finding-inventory-no-credentials = sem `credentials:`: as sondas que fazem logon (CTP, teste profundo) não podem rodar
finding-inventory-credential-line-break = o valor contém uma quebra de linha ou NUL, que IMAP e POP3 não conseguem transmitir
finding-inventory-no-ca-file = nenhum arquivo de CA em { $path }
finding-inventory-credential-mode = { $path } tem modo { $mode }: um arquivo de credenciais deve ter modo 0600 ou mais restrito (chmod 600 { $path })
finding-inventory-env-unset = a variável de ambiente { $variable } não está definida: exporte-a antes de sondar
finding-inventory-env-not-utf8 = a variável de ambiente { $variable } não está em UTF-8
finding-inventory-env-empty = a variável de ambiente { $variable } está vazia
finding-inventory-credential-unreadable = impossível ler { $path }: { $error }
finding-inventory-not-credential-file = { $path } não é um arquivo de credenciais (um pequeno arquivo de texto)
finding-inventory-credential-file-empty = o arquivo de credenciais está vazio
finding-inventory-managed-not-exchange = a Disponibilidade Gerenciada (Managed Availability) é do Exchange: requer `platform: exchange`
finding-inventory-poll-interval = o intervalo de consulta deve ser de 1s ou mais
finding-inventory-poll-timeout = o tempo limite de consulta deve ser de 1s ou mais
finding-inventory-poll-timeout-long = o tempo limite de { $timeout } é maior que o intervalo de consulta de { $interval }: as consultas se acumulariam
finding-inventory-polls-in-flight = o número de consultas simultâneas deve ir de 1 a { $max }
finding-inventory-agent-address = o agente `{ $agent }` não está no formato HOST:PORT (ex.: 127.0.0.1:9141)
finding-inventory-refresh = o intervalo de atualização deve ser de 1s ou mais
finding-inventory-read-timeout = o tempo limite deve ser de 100ms ou mais
finding-inventory-no-servers = o inventário não lista nenhum servidor
finding-inventory-server-twice = o servidor `{ $server }` aparece duas vezes (antes como `{ $first }`; os nomes são comparados sem distinguir maiúsculas de minúsculas)
finding-inventory-no-endpoint = o servidor `{ $server }` não tem endpoint: dê a ele `imap:` ou `pop3:` (ou deixe o Exchange vigiá-lo: `health: {"{"} managed_availability {"}"}`)
finding-inventory-mailbox-unknown = `{ $server }` não é um servidor deste inventário
# $role: cas, mailbox ou both, como o inventário o escreve.
finding-inventory-mailbox-not-mailbox = `{ $server }` é um servidor { $role }, não um servidor de Caixa de Correio
finding-inventory-mailbox-not-cas = só um servidor CAS tem uma caixa de correio de monitoramento
finding-inventory-port = a porta { $port } está fora do intervalo (1 a 65535)
finding-inventory-server-name-plain = um nome de certificado requer `tls: starttls` ou `tls: implicit`
finding-inventory-second-implicit = um segundo endpoint TLS implícito: um protocolo tem no máximo um endpoint em texto claro ou STARTTLS e um endpoint TLS implícito
finding-inventory-second-plain = um segundo endpoint em texto claro ou STARTTLS: um protocolo tem no máximo um endpoint em texto claro ou STARTTLS e um endpoint TLS implícito
finding-inventory-unknown-action = ação desconhecida `{ $action }`
finding-inventory-command-empty = o comando está vazio: indique o programa e os argumentos dele
finding-inventory-command-control = `{ $word }` contém um caractere de controle
finding-inventory-pwsh-program = o binário do PowerShell está vazio ou contém um caractere de controle
finding-inventory-restarts = { $hour ->
    [one] { $hour } reinício por hora excede o limite diário de { $day }
   *[other] { $hour } reinícios por hora excedem o limite diário de { $day }
}
finding-inventory-exchange-transport = as etapas do Exchange são cmdlets: rodam via `pwsh` (comunicação remota do PowerShell)
finding-inventory-linux-pwsh = `pwsh` roda cmdlets do Exchange: um servidor linux usa `local` ou `ssh`
finding-inventory-ssh-unused = `ssh:` serve para `transport: ssh`
finding-inventory-ssh-config = nenhum arquivo de configuração do ssh em { $path }
# Uma URL do Prometheus ou do Alertmanager (o health.prometheus do inventário) e por que não pode ser lida.
finding-url-https = https ainda não é suportado: indique uma URL http://
finding-url-scheme = URLs `{ $scheme }` não são suportadas: indique http://host:port
finding-url-not-url = não é uma URL: indique http://host:port
finding-url-credentials = credenciais na URL não são suportadas: indique http://host:port
finding-url-query = `{ $path }`: uma URL base não tem query string, fragmento nem espaços
finding-url-unclosed = um endereço IPv6 precisa do `]` de fechamento
finding-url-after-bracket = `]` deve ser seguido de `:port`
finding-url-not-ipv6 = `{ $host }` não é um endereço IPv6
finding-url-not-host = `{ $host }` não é um nome de host nem um endereço
finding-url-not-port = `{ $port }` não é uma porta (1-65535)
# keys.yaml: onde uma tecla faz algo ($where nas mensagens abaixo).
finding-keys-on-grid = na grade
finding-keys-in-drill-down = na tela de detalhes
finding-keys-in-runbook = no painel do runbook
finding-keys-in-help = na ajuda
# Dois dos lugares acima: "na grade ou na ajuda".
finding-keys-either = { $first } ou { $then }
finding-keys-unknown-screen = tela desconhecida `{ $screen }`: everywhere, grid, drill, runbook ou help
finding-keys-unknown-action = ação desconhecida `{ $action }`
finding-keys-two-things = `{ $key }` faria duas coisas { $where }: `{ $first }` e `{ $second }`
finding-keys-none = indique ao menos uma tecla: uma ação sem tecla fica inacessível
finding-keys-does-nothing = `{ $action }` não faz nada { $where }
finding-keys-ctrl = `{ $key }`: ctrl- aceita uma só letra (ctrl-c)
finding-keys-not-a-key-name = `{ $key }` não é um nome de tecla
finding-keys-not-a-key = `{ $key }` não é uma tecla: um caractere (n, N, ?), ctrl-LETRA, F1-F12 ou uma destas: Enter, Esc, Backspace, Tab, Space, Up, Down, Left, Right, PgUp, PgDn, Home, End
# Qualquer arquivo: leitura, tamanho, codificação, YAML.
finding-file-unreadable = impossível ler: { $error }
finding-file-folder = impossível ler: é uma pasta
finding-file-not-utf8 = UTF-8 inválido (byte { $byte }): salve o arquivo como UTF-8
# $size: finding-size-mib ou finding-size-bytes.
finding-file-too-large = o arquivo é maior que { $size }, o máximo que se lê de um arquivo desse tipo
finding-size-mib = { $mib } MiB
finding-size-bytes = { $bytes } bytes
finding-file-neither = não é nem um runbook (`procedures:`) nem um cenário (`fleet:`, `faults:`)
finding-yaml-nul = um byte NUL: o YAML não pode contê-lo
finding-yaml-control = um caractere de controle ({ $code }): o YAML não pode contê-lo
finding-yaml-too-deep = aninhado em mais de { $max } níveis: nenhum arquivo do healthdeck precisa disso
# Um catálogo de mensagens (.ftl) comparado com o inglês.
finding-catalog-not-fluent = não é Fluent: { $error }
finding-catalog-defined-twice = a mensagem `{ $id }` está definida duas vezes
# $reference, $line: onde o inglês a define.
finding-catalog-missing = falta a mensagem `{ $id }` ({ $reference }:{ $line })
# $own, $english: os placeholders, ou finding-catalog-no-placeholders.
finding-catalog-placeholders = a mensagem `{ $id }` tem os placeholders { $own } onde o inglês tem { $english }
finding-catalog-no-placeholders = nenhum
finding-catalog-not-in-english = a mensagem `{ $id }` não existe em inglês: um erro de digitação ou uma mensagem que não é mais usada
# Onde, depois o quê: $place é arquivo:linha:coluna, um arquivo ou uma opção (--scenario). Mantenha o lugar primeiro e o `: ` depois dele.
finding-at = { $place }: { $finding }
finding-theme-unknown = tema desconhecido `{ $name }`: não é um tema embutido ({ $known }) nem um arquivo
finding-scenario-unknown = cenário desconhecido `{ $name }`: não é um cenário embutido ({ $known }) nem um arquivo
finding-scenario-no-servers = a frota não tem servidores: um cenário precisa de ao menos um
# $why: o nome e por que é recusado (finding-value-rejected, ou finding-value-empty quando não há nome).
finding-scenario-server-name = nome de servidor: { $why }
finding-scenario-server-twice = o servidor `{ $server }` aparece duas vezes
finding-scenario-not-cas = `{ $server }` não é um servidor CAS desta frota
finding-scenario-not-mailbox = `{ $server }` não é um servidor de Caixa de Correio desta frota
finding-scenario-fault-server = falha em servidor desconhecido `{ $server }`
finding-scenario-unknown-service = serviço desconhecido `{ $service }` (conhecidos: { $known })
# $role: cas, mailbox ou both, como o cenário o escreve.
finding-scenario-service-elsewhere = { $service } não roda em { $server } (servidor { $role })
finding-scenario-unknown-rule = monitor desconhecido `{ $monitor }` em `rules`
# O bloco `drill:` de um cenário.
finding-drill-unknown-server = drill: servidor desconhecido `{ $server }`
finding-drill-unknown-monitor = drill: monitor desconhecido `{ $monitor }`
finding-drill-monitor-elsewhere = drill: { $monitor } não roda em { $server } (servidor { $role })
finding-drill-objective-english = drill: o objetivo precisa de `en` (os outros idiomas recorrem a ele)
finding-drill-budget = drill: o prazo deve ser maior que 0s
finding-drill-unknown-runbook = drill: runbook desconhecido `{ $runbook }` (conhecidos: { $known })
finding-drill-runbook-elsewhere = drill: o runbook { $runbook } não recupera { $monitor }
finding-drill-no-step = drill: o runbook { $runbook } não tem a etapa `{ $step }` (as etapas dele: { $steps })
# Arquivos de runbook.
finding-runbook-duplicate-procedure = id de procedimento duplicado `{ $procedure }`
finding-runbook-no-protocol = o procedimento `{ $procedure }` cita monitores, mas nenhum `protocol` (imap ou pop)
# $protocol: IMAP ou POP.
finding-runbook-unknown-monitor = monitor { $protocol } desconhecido `{ $monitor }` (conhecidos: { $known })
finding-runbook-unknown-action = ação desconhecida `{ $action }` (conhecidas: { $known })
finding-runbook-unknown-condition = condição desconhecida `{ $condition }`: use `role == cas`, `role == mailbox`, uma expectativa (probe_succeeded, no_active_copies, server_healthy, monitor_healthy, component_active) ou o desfecho de um procedimento chamado (transient, resolved, completed, escalated), opcionalmente após `not`
finding-runbook-monitor-taken = o monitor `{ $monitor }` já é recuperado pelo procedimento `{ $procedure }`
# $field: title ou instruction (a chave do arquivo); $what: finding-runbook-of-procedure ou -of-step.
finding-runbook-no-translation = { $what }: `{ $field }` sem tradução `{ $language }`
finding-runbook-of-procedure = procedimento `{ $procedure }`
finding-runbook-of-step = etapa `{ $step }` de `{ $procedure }`
finding-runbook-unknown-language = idioma desconhecido `{ $language }` (esperado: { $expected })
finding-runbook-duplicate-step = id de etapa duplicado `{ $step }` no procedimento `{ $procedure }`
finding-runbook-no-action = a etapa `{ $step }` precisa de uma `action` ou de um `call`
finding-runbook-action-and-call = a etapa `{ $step }` tem tanto `action` quanto `call`: indique só um dos dois
finding-runbook-unknown-call = `call: { $procedure }`: não existe procedimento `{ $procedure }`
finding-runbook-calls-itself = o procedimento `{ $procedure }` chama a si mesmo
finding-runbook-mailbox-server = `on: mailbox_server` requer uma etapa `identify_mailbox_server` anterior
finding-runbook-compensation = etapa de desfazer `{ $target }` da etapa `{ $step }`: nenhuma etapa `{ $target }` depois dela no procedimento `{ $procedure }`
finding-runbook-escalate-if = `escalate_if` requer uma etapa `escalate` no procedimento `{ $procedure }`
finding-runbook-escalate-last = a etapa `escalate` deve ser a última do procedimento `{ $procedure }`
# Uma condição (`only_if`, `stop_if`, `escalate_if`) e por que nada antes dela pode ter estabelecido seu fato ($why: uma das duas abaixo).
finding-runbook-gate = `{ $key }: { $condition }`: { $why }
finding-runbook-unreported = nenhuma etapa de `{ $procedure }` até aqui informa `{ $expectation }`
finding-runbook-no-ending = a etapa `{ $step }` não chama nenhum procedimento cujo desfecho ela possa testar
finding-runbook-needs = `{ $action }` requer `{ $key }`
finding-runbook-means-nothing = `{ $key }` não significa nada para `{ $action }`
finding-runbook-unconfirmed = `confirm: false` em `{ $action }`, uma ação destrutiva: ela sempre pede confirmação
finding-runbook-call-cycle = ciclo de chamadas: `{ $procedure }` chama `{ $target }`, que chama de volta `{ $procedure }`
finding-runbook-too-large = um runbook maior que { $size }: divida-o

## The command line refused before the console opens, and where the record went after it closed
usage-speed = --speed { $speed }: deve ser maior que 0 e no máximo 1000
usage-drill-inventory = um treino roda na frota de treino; não pode ser combinado com um inventário (--inventory, HEALTHDECK_INVENTORY)
usage-scenario-inventory = --scenario abre a frota de treino; não pode ser combinado com um inventário (--inventory, HEALTHDECK_INVENTORY)
usage-seed = --seed sorteia um treino aleatório: use-o com --scenario random
usage-no-drill = o cenário { $name } não tem bloco drill: (cenários com treino: { $drills })
usage-no-terminal = o console precisa de um terminal em stdin e stdout
usage-record-dir = não foi possível criar o registro do incidente em { $dir }: { $error } (aponte XDG_STATE_HOME para uma pasta com permissão de escrita)
usage-record-at = registro do incidente: { $path }
usage-lint-no-path = { $path }: arquivo ou pasta inexistente
usage-lint-no-inventory = { $path }: arquivo de inventário inexistente
