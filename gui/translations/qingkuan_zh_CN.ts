<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Qingkuan</source>
        <translation>关于清款</translation>
    </message>
    <message>
        <source>Qingkuan 清款, version {version}</source>
        <translation>清款 Qingkuan，版本 {version}</translation>
    </message>
    <message>
        <source>The collections ledger for small distributors.</source>
        <translation>小型经销商的收账台账。</translation>
    </message>
    <message>
        <source>Ledger: {ledger}</source>
        <translation>账本：{ledger}</translation>
    </message>
    <message>
        <source>Ledger schema version: {schema}</source>
        <translation>账本结构版本：{schema}</translation>
    </message>
    <message>
        <source>Log file: {log}</source>
        <translation>日志文件：{log}</translation>
    </message>
    <message>
        <source>System: {system}</source>
        <translation>系统：{system}</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>The newest {n} changes are shown: export to see them all.</source>
        <translation>显示最新的 {n} 条修改：导出可看到全部。</translation>
    </message>
    <message>
        <source>{n} changes.</source>
        <translation>{n} 条修改。</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <source>Excel or CSV (*.xlsx *.csv)</source>
        <translation>Excel 或 CSV (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>{n} changes written to {path}.</source>
        <translation>已将 {n} 条修改写入 {path}。</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>操作人(&amp;P)：</translation>
    </message>
    <message>
        <source>C&amp;ustomer code:</source>
        <translation>客户编号(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Only these &amp;dates</source>
        <translation>只看这些日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
</context>
<context>
    <name>BackupFolderDialog</name>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>Automatic backups go to this folder: beside the ledger, or a USB stick or a synced folder. If it is missing, the window warns and makes no backup.</source>
        <translation>自动备份保存到这个文件夹：可以在账本旁边，也可以是 U 盘或同步文件夹。文件夹不在时，窗口会提醒，不做备份。</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Beside the &amp;ledger</source>
        <translation>放在账本旁边(&amp;L)</translation>
    </message>
</context>
<context>
    <name>BackupKeeper</name>
    <message>
        <source>No backup yet</source>
        <translation>还没有备份</translation>
    </message>
    <message>
        <source>No backup for {n} days (last {at}): File → Back up now</source>
        <translation>已 {n} 天没有备份（上次 {at}）：文件 → 立即备份</translation>
    </message>
    <message>
        <source>Last backup {at}</source>
        <translation>上次备份 {at}</translation>
    </message>
</context>
<context>
    <name>BackupNowDialog</name>
    <message>
        <source>Backup written: {path} ({size}).</source>
        <translation>备份已保存：{path}（{size}）。</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Backing up {ledger} to {folder}…</source>
        <translation>正在把 {ledger} 备份到 {folder}…</translation>
    </message>
</context>
<context>
    <name>BossApprovalDialog</name>
    <message>
        <source>The boss approves</source>
        <translation>老板批准</translation>
    </message>
    <message>
        <source>Deliver {amount} to {customer} on {date} though the credit stop refuses it: the boss types their own name and password here.</source>
        <translation>{date} 给 {customer} 送货 {amount}，已被信用控制拦下：请老板在此输入自己的姓名和密码批准。</translation>
    </message>
    <message>
        <source>Boss&apos;s &amp;name:</source>
        <translation>老板姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>optional, e.g. pays on Friday</source>
        <translation>可不填，如：周五付款</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
</context>
<context>
    <name>BrokenModel</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>失约</translation>
    </message>
    <message>
        <source>Promises due</source>
        <translation>到期承诺</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>欠款</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
</context>
<context>
    <name>CallListDialog</name>
    <message>
        <source>1 promise · {amount} to collect</source>
        <translation>1 个约定 · 待收 {amount}</translation>
    </message>
    <message>
        <source>{n} promises · {amount} to collect</source>
        <translation>{n} 个约定 · 待收 {amount}</translation>
    </message>
    <message>
        <source>Call list: promises falling due</source>
        <translation>电话确认清单：到期的约定清款</translation>
    </message>
    <message>
        <source>Promises due on &amp;day:</source>
        <translation>约定到期日(&amp;D)：</translation>
    </message>
    <message>
        <source>Choose a promise in the list first.</source>
        <translation>请先在列表中选择一笔约定。</translation>
    </message>
    <message>
        <source>Choose a chasing step in the list first.</source>
        <translation>请先在列表中选择一个催款步骤。</translation>
    </message>
    <message>
        <source>Export the call list</source>
        <translation>导出电话确认单</translation>
    </message>
    <message>
        <source>T&amp;oday</source>
        <translation>今天(&amp;O)</translation>
    </message>
    <message>
        <source>To&amp;morrow</source>
        <translation>明天(&amp;M)</translation>
    </message>
    <message>
        <source>Confirmed (Ctrl+1)</source>
        <translation>已确认 (Ctrl+1)</translation>
    </message>
    <message>
        <source>C&amp;hasing steps due that day (Ctrl+M what to say):</source>
        <translation>当天到期的催款步骤（Ctrl+M 查看话术）(&amp;H)：</translation>
    </message>
    <message>
        <source>Step done (Ctrl+D)</source>
        <translation>步骤已完成 (Ctrl+D)</translation>
    </message>
    <message>
        <source>Wants a new date… (Ctrl+2)</source>
        <translation>要改日期… (Ctrl+2)</translation>
    </message>
    <message>
        <source>Unreachable (Ctrl+3)</source>
        <translation>联系不上 (Ctrl+3)</translation>
    </message>
    <message>
        <source>Reminder… (Ctrl+M)</source>
        <translation>催款提醒… (Ctrl+M)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>CallListModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Still to pay</source>
        <translation>待收金额</translation>
    </message>
    <message>
        <source>Who pays</source>
        <translation>付款人</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>IOU no.</source>
        <translation>欠条号</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>电话答复</translation>
    </message>
</context>
<context>
    <name>ChaseNeedsModel</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Debts paid</source>
        <translation>已付欠款笔数</translation>
    </message>
    <message>
        <source>Steps on average</source>
        <translation>平均步骤数</translation>
    </message>
    <message>
        <source>Most steps</source>
        <translation>最多步骤数</translation>
    </message>
</context>
<context>
    <name>ChaseNeedsPage</name>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>after {n} steps: {count}</source>
        <translation>{n}步后付款：{count}笔</translation>
    </message>
    <message>
        <source>Debts paid from {start} to {end}, by the chasing steps they needed: </source>
        <translation>{start}至{end}付清的欠款，按所需催款步骤统计：</translation>
    </message>
</context>
<context>
    <name>ChaseStepsModel</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
</context>
<context>
    <name>ChasingPage</name>
    <message>
        <source>(built-in wording)</source>
        <translation>（内置话术）</translation>
    </message>
    <message>
        <source>{n} days before</source>
        <translation>到期前{n}天</translation>
    </message>
    <message>
        <source>on the due date</source>
        <translation>到期当天</translation>
    </message>
    <message>
        <source>{n} days late</source>
        <translation>逾期{n}天</translation>
    </message>
    <message>
        <source>Each step falls on a day counted from the due date of the customer&apos;s oldest open debt and appears on Today and the call list that day. A promise pauses the steps until its date; a broken one moves on to the next step. Groups without their own schedule use the default.</source>
        <translation>每一步按客户最早一笔未结欠款的到期日计算日期，当天出现在“今日”和电话确认单上。客户约定付款后，催款暂停到约定日期；约定未兑现，则直接进入下一步。没有单独计划的客户组使用默认计划。</translation>
    </message>
    <message>
        <source>Customer &amp;group (terms):</source>
        <translation>客户组（账期）(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Own schedule</source>
        <translation>单独计划(&amp;O)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒话术</translation>
    </message>
    <message>
        <source>&amp;Add step</source>
        <translation>添加步骤(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>删除(&amp;M)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move dow&amp;n</source>
        <translation>下移(&amp;N)</translation>
    </message>
    <message>
        <source>Da&amp;y (from the due date):</source>
        <translation>日期（相对到期日）(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;What to do:</source>
        <translation>做法(&amp;W)：</translation>
    </message>
    <message>
        <source>Rem&amp;inder:</source>
        <translation>提醒话术(&amp;I)：</translation>
    </message>
    <message>
        <source>Blank: the built-in wording. Placeholders: {customer} {company} {amount} {balance} {due_date} {date} {how_to_pay} {bank_account} {contact}</source>
        <translation>留空：使用内置话术。占位符：{customer} {company} {amount} {balance} {due_date} {date} {how_to_pay} {bank_account} {contact}</translation>
    </message>
</context>
<context>
    <name>CommissionBox</name>
    <message>
        <source>Commission</source>
        <translation>提成</translation>
    </message>
    <message>
        <source>Commission age e&amp;dges (days):</source>
        <translation>提成账龄分段(天)(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Rates per band (%):</source>
        <translation>各段提成比例(%)(&amp;R)：</translation>
    </message>
    <message>
        <source>One more than the edges, youngest first: 1.0, 0.5, 0.2</source>
        <translation>比分段多一个，从账龄最短的开始：1.0, 0.5, 0.2</translation>
    </message>
    <message>
        <source>Take &amp;tail cuts (抹零) off the commission</source>
        <translation>从提成中扣除抹零(&amp;T)</translation>
    </message>
    <message>
        <source>Take &amp;write-offs off the commission</source>
        <translation>从提成中扣除坏账核销(&amp;W)</translation>
    </message>
</context>
<context>
    <name>CommissionDialog</name>
    <message>
        <source>{start} to {end}: collected {collected} (the month&apos;s collections), commission {commission}.</source>
        <translation>{start} 至 {end}：回款 {collected}（本月回款），提成 {commission}。</translation>
    </message>
    <message>
        <source>Export the commission</source>
        <translation>导出回款提成</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Collection commission</source>
        <translation>回款提成</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>月份(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>kept in this computer&apos;s keychain</source>
        <translation>已保存在本机钥匙串中</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
    <message>
        <source>Connect to a shared ledger</source>
        <translation>连接共用账本</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>the office server&apos;s name or address</source>
        <translation>办公室服务器的名称或地址</translation>
    </message>
    <message>
        <source>your user name on the server</source>
        <translation>您在服务器上的用户名</translation>
    </message>
    <message>
        <source>&amp;Remember the password in this computer&apos;s keychain</source>
        <translation>在本机钥匙串中记住密码(&amp;R)</translation>
    </message>
    <message>
        <source>This computer has no keychain Qingkuan can use (on Linux: a Secret Service such as GNOME Keyring or KWallet), so the password is asked for each time. ~/.pgpass or PGPASSWORD can hold it instead.</source>
        <translation>本机没有清款可用的钥匙串（Linux 上需要 Secret Service，如 GNOME 钥匙环或 KWallet），因此每次都会询问密码。也可以把密码放在 ~/.pgpass 或 PGPASSWORD 中。</translation>
    </message>
    <message>
        <source>&amp;Encrypted connection (TLS) required</source>
        <translation>必须使用加密连接（TLS）(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong: {error}

Nothing half-done was saved: every change is written in one step or not at all. The details are in {log}. Copy them and send them to whoever supports Qingkuan for you.</source>
        <translation>出错了：{error}

没有保存任何做了一半的内容：每项更改要么一次写完，要么完全不写。详细信息在 {log}。请复制详细信息，发给为您提供清款技术支持的人。</translation>
    </message>
    <message>
        <source>the log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>&amp;Copy the details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
</context>
<context>
    <name>CreditStop</name>
    <message>
        <source>Stopped: this delivery needs the boss&apos;s approval.</source>
        <translation>已拦下：这笔送货需要老板批准。</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>修改客户</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>编码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Phones:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Who pays when the &amp;boss is out:</source>
        <translation>老板不在时谁付款(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Route:</source>
        <translation>线路(&amp;R)：</translation>
    </message>
    <message>
        <source>R&amp;ep:</source>
        <translation>业务员(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Terms:</source>
        <translation>账期(&amp;T)：</translation>
    </message>
    <message>
        <source>Credit &amp;limit:</source>
        <translation>信用额度(&amp;L)：</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>e.g. C0001</source>
        <translation>例如 C0001</translation>
    </message>
    <message>
        <source>Several separated by commas</source>
        <translation>多个号码用逗号分开</translation>
    </message>
    <message>
        <source>Blank: no limit agreed</source>
        <translation>空白：未约定额度</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Cash on delivery</source>
        <translation>现款</translation>
    </message>
    <message>
        <source>N days</source>
        <translation>N 天</translation>
    </message>
    <message>
        <source>Monthly settlement</source>
        <translation>月结</translation>
    </message>
    <message>
        <source>Pay previous batch on next delivery</source>
        <translation>压批结算</translation>
    </message>
    <message>
        <source>Reloa&amp;d the customer as saved now</source>
        <translation>重新载入客户当前保存的资料(&amp;D)</translation>
    </message>
    <message>
        <source>Contact per&amp;son:</source>
        <translation>联系人(&amp;S)：</translation>
    </message>
    <message>
        <source>Arc&amp;hived (hidden from daily lists; the ledger stays)</source>
        <translation>已归档(&amp;H)（日常列表不显示，账目保留）</translation>
    </message>
    <message>
        <source>Routes and reps are added in Settings → Reps and routes.</source>
        <translation>线路和业务员在“设置 → 业务员与线路”中添加。</translation>
    </message>
    <message>
        <source>Reps and &amp;routes…</source>
        <translation>业务员与线路(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>线路</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Oldest open (days)</source>
        <translation>最长账龄（天）</translation>
    </message>
    <message>
        <source>Next promise</source>
        <translation>下次约定</translation>
    </message>
    <message>
        <source>Last payment</source>
        <translation>最近收款</translation>
    </message>
    <message>
        <source>{excess} over the credit limit of {limit}</source>
        <translation>超出 {excess}，额度 {limit}</translation>
    </message>
    <message>
        <source>What the customer owes; red when over the credit limit</source>
        <translation>客户欠款；超过信用额度时显示为红色</translation>
    </message>
    <message>
        <source>Owed past its due date (in red)</source>
        <translation>已过到期日的欠款（红色）</translation>
    </message>
</context>
<context>
    <name>CustomerListView</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Loading customers…</source>
        <translation>正在载入客户…</translation>
    </message>
    <message>
        <source>{shown} of {total} customers · reading balances…</source>
        <translation>显示 {shown} / {total} 个客户 · 正在读取余额…</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>Name, code, phone or pinyin initials (dcwj finds 东城王记)</source>
        <translation>名称、编码、电话或拼音首字母（输入 dcwj 找到 东城王记）</translation>
    </message>
    <message>
        <source>&amp;Route:</source>
        <translation>线路(&amp;R)：</translation>
    </message>
    <message>
        <source>R&amp;ep:</source>
        <translation>业务员(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation>只看逾期(&amp;O)</translation>
    </message>
    <message>
        <source>Over credit &amp;limit</source>
        <translation>超信用额度(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Broken promises</source>
        <translation>有失约(&amp;B)</translation>
    </message>
    <message>
        <source>Show &amp;archived</source>
        <translation>显示已归档(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <source>Add a customer (Ctrl+N)</source>
        <translation>添加客户（Ctrl+N）</translation>
    </message>
    <message>
        <source>E&amp;dit…</source>
        <translation>修改(&amp;D)…</translation>
    </message>
    <message>
        <source>Move to route… (Ctrl+Shift+M)</source>
        <translation>移到线路… (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>{shown} of {total} customers · balance {balance} · overdue {overdue}</source>
        <translation>显示 {shown} / {total} 个客户 · 余额 {balance} · 逾期 {overdue}</translation>
    </message>
    <message>
        <source>red: overdue, or balance over the credit limit</source>
        <translation>红色：逾期，或余额超过信用额度</translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <source>(archived)</source>
        <translation>（已归档）</translation>
    </message>
    <message>
        <source>none agreed</source>
        <translation>未约定</translation>
    </message>
    <message>
        <source>{shown} of {total} entries loaded (scroll for older)</source>
        <translation>已载入 {shown} / {total} 笔（向下滚动看更早的）</translation>
    </message>
    <message>
        <source>Balance &lt;b&gt;{amount}&lt;/b&gt;</source>
        <translation>余额 &lt;b&gt;{amount}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>overdue &lt;b&gt;{amount}&lt;/b&gt;</source>
        <translation>逾期 &lt;b&gt;{amount}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>oldest open {days} days</source>
        <translation>最长账龄 {days} 天</translation>
    </message>
    <message>
        <source>over the credit limit</source>
        <translation>超信用额度</translation>
    </message>
    <message>
        <source>{n} broken promise(s) in 90 days</source>
        <translation>90 天内失约 {n} 次</translation>
    </message>
    <message>
        <source>Last confirmed &lt;b&gt;{amount}&lt;/b&gt; on {number} ({date})</source>
        <translation>上次确认 &lt;b&gt;{amount}&lt;/b&gt;（{number}，{date}）</translation>
    </message>
    <message>
        <source>Open dispute {number}: the customer says &lt;b&gt;{theirs}&lt;/b&gt; (difference {diff}), {reason}, handled by {handler}</source>
        <translation>未结争议 {number}：客户所说 &lt;b&gt;{theirs}&lt;/b&gt;（差额 {diff}），{reason}，处理人 {handler}</translation>
    </message>
    <message>
        <source>By age (days): {buckets}</source>
        <translation>账龄（天）：{buckets}</translation>
    </message>
    <message>
        <source>← &amp;Customers</source>
        <translation>← 客户列表(&amp;C)</translation>
    </message>
    <message>
        <source>Back to the customer list (Esc or Alt+Left)</source>
        <translation>回到客户列表（Esc 或 Alt+←）</translation>
    </message>
    <message>
        <source>&amp;Edit customer…</source>
        <translation>修改客户(&amp;E)…</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <source>Phones:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Pays when the boss is out:</source>
        <translation>老板不在时付款人：</translation>
    </message>
    <message>
        <source>Route / rep:</source>
        <translation>线路 / 业务员：</translation>
    </message>
    <message>
        <source>Terms:</source>
        <translation>账期：</translation>
    </message>
    <message>
        <source>Credit limit:</source>
        <translation>信用额度：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Delivery (F2)</source>
        <translation>送货 (F2)</translation>
    </message>
    <message>
        <source>Payment (F3)</source>
        <translation>收款 (F3)</translation>
    </message>
    <message>
        <source>Can&apos;t pay today: promise (F4)</source>
        <translation>今天不方便：约定清款 (F4)</translation>
    </message>
    <message>
        <source>Log visit (F6)</source>
        <translation>拜访记录 (F6)</translation>
    </message>
    <message>
        <source>Statement (F8)</source>
        <translation>对账单 (F8)</translation>
    </message>
    <message>
        <source>For WeChat (Ctrl+Shift+W)</source>
        <translation>微信对账单 (Ctrl+Shift+W)</translation>
    </message>
    <message>
        <source>More entries</source>
        <translation>其他单据</translation>
    </message>
    <message>
        <source>Goods returned…</source>
        <translation>退货…</translation>
    </message>
    <message>
        <source>Discount / tail cut…</source>
        <translation>折让 / 抹零…</translation>
    </message>
    <message>
        <source>Write off a bad debt…</source>
        <translation>坏账核销…</translation>
    </message>
    <message>
        <source>Opening balance…</source>
        <translation>期初余额…</translation>
    </message>
    <message>
        <source>Record a &amp;reply to a statement…</source>
        <translation>登记对账回执(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Void entry…</source>
        <translation>作废(&amp;V)…</translation>
    </message>
    <message>
        <source>Entries are never deleted: a void posts a reversal (Ctrl+Del)</source>
        <translation>单据从不删除：作废会记一笔冲销（Ctrl+Del）</translation>
    </message>
    <message>
        <source>Cheque &amp;bounced…</source>
        <translation>跳票(&amp;B)…</translation>
    </message>
    <message>
        <source>New &amp;date…</source>
        <translation>改约日期(&amp;D)…</translation>
    </message>
    <message>
        <source>Cancel promise</source>
        <translation>取消约定</translation>
    </message>
    <message>
        <source>Print &amp;IOU note…</source>
        <translation>打印欠条(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Ledger</source>
        <translation>往来账(&amp;L)</translation>
    </message>
    <message>
        <source>V&amp;isits</source>
        <translation>拜访(&amp;I)</translation>
    </message>
    <message>
        <source>Cheque &amp;deposited</source>
        <translation>支票已存入(&amp;D)</translation>
    </message>
    <message>
        <source>Cheque clea&amp;red</source>
        <translation>支票已兑现(&amp;R)</translation>
    </message>
    <message>
        <source>Pro&amp;mises</source>
        <translation>约定清款(&amp;M)</translation>
    </message>
    <message>
        <source>Next promise &lt;b&gt;{amount}&lt;/b&gt; on {date} at {time}</source>
        <translation>下次约定 {date} {time} 付 &lt;b&gt;{amount}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{outcome} ({reason})</source>
        <translation>{outcome}（{reason}）</translation>
    </message>
    <message>
        <source>last visit {date}: {outcome}</source>
        <translation>上次拜访 {date}：{outcome}</translation>
    </message>
    <message>
        <source>&amp;Undo cheque status</source>
        <translation>撤销支票状态(&amp;U)</translation>
    </message>
    <message>
        <source>Sets the cheque back to its status before the last change; the history (hover the Cheque column) keeps both</source>
        <translation>把支票恢复到上一次更改之前的状态；状态记录（鼠标停在“支票”列上查看）会保留两次更改</translation>
    </message>
</context>
<context>
    <name>CustomerRowsModel</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>线路</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>欠款</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Oldest open (days)</source>
        <translation>最长账龄（天）</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
</context>
<context>
    <name>DeliveryLinesEditor</name>
    <message>
        <source>Each line needs a quantity and a unit price.</source>
        <translation>每一行都要填数量和单价。</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>品名</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Add &amp;line</source>
        <translation>添加一行(&amp;L)</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除一行</translation>
    </message>
</context>
<context>
    <name>Discard</name>
    <message>
        <source>Unsaved input</source>
        <translation>未保存的输入</translation>
    </message>
    <message>
        <source>Save what you typed before closing?</source>
        <translation>关闭前保存已输入的内容吗？</translation>
    </message>
    <message>
        <source>Discard what you typed?</source>
        <translation>放弃已输入的内容吗？</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>继续编辑(&amp;K)</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>{n} entries, {total} in all</source>
        <translation>共 {n} 条记录，合计 {total}</translation>
    </message>
    <message>
        <source>{n} customers, owing {total}, of which {overdue} overdue</source>
        <translation>共 {n} 个客户，欠款 {total}，其中逾期 {overdue}</translation>
    </message>
</context>
<context>
    <name>EntryLinesModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Doc. no.</source>
        <translation>单号</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Aging as of a date</source>
        <translation>某日的账龄</translation>
    </message>
    <message>
        <source>Customer list as shown</source>
        <translation>当前显示的客户列表</translation>
    </message>
    <message>
        <source>This customer&apos;s ledger for a period</source>
        <translation>本客户某期间的明细账</translation>
    </message>
    <message>
        <source>All entries of a period (for the accountant)</source>
        <translation>某期间的全部账目（给会计）</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Excel or CSV (*.xlsx *.csv)</source>
        <translation>Excel 或 CSV (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>{n} rows written to {path}.</source>
        <translation>已将 {n} 行写入 {path}。</translation>
    </message>
    <message>
        <source>The {n} customers the list shows now.</source>
        <translation>列表当前显示的 {n} 个客户。</translation>
    </message>
    <message>
        <source>In the import&apos;s own format; voided entries and their reversals are left out.</source>
        <translation>采用导入用的格式；已作废的账目及其冲销不导出。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>内容(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;As of:</source>
        <translation>截至(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>格式(&amp;O)：</translation>
    </message>
    <message>
        <source>Fi&amp;le:</source>
        <translation>文件(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
</context>
<context>
    <name>ForecastTab</name>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Money expected per week, 13 weeks (yuan)</source>
        <translation>每周预计回款，13 周（元）</translation>
    </message>
    <message>
        <source>Promised (weighted)</source>
        <translation>约定（按兑现率）</translation>
    </message>
    <message>
        <source>By paying habit</source>
        <translation>按付款习惯</translation>
    </message>
    <message>
        <source>Expected in the {n} weeks: {total}; later: {later}; doubtful (older than the customer ever paid): {doubtful}; owed now: {owed}. Promises count at the customer&apos;s and the rep&apos;s keep rate; the rest of each debt at the customer&apos;s usual days to pay.</source>
        <translation>{n} 周内预计回款：{total}；更晚：{later}；存疑（比客户以往任何一笔付款都拖得久）：{doubtful}；现欠：{owed}。约定按客户和业务员的兑现率计入；其余欠款按客户通常的付款天数计入。</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>GroupModel</name>
    <message>
        <source>Rep</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>线路</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>欠款</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Over 60 days</source>
        <translation>超60天占比</translation>
    </message>
    <message>
        <source>Collected this month</source>
        <translation>本月回款</translation>
    </message>
    <message>
        <source>Promises made</source>
        <translation>承诺数</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>守约</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>失约</translation>
    </message>
    <message>
        <source>Keep rate</source>
        <translation>守约率</translation>
    </message>
    <message>
        <source>Discounts and tail cuts</source>
        <translation>折让抹零</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Write-offs</source>
        <translation>核销</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>(no rep)</source>
        <translation>（未指定业务员）</translation>
    </message>
    <message>
        <source>(no route)</source>
        <translation>（未指定线路）</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Subtotal ({n})</source>
        <translation>小计（{n} 笔）</translation>
    </message>
    <message>
        <source>Total {total} · cash to count {cash} · cheques and drafts {cheques} · tail cuts {cuts}</source>
        <translation>合计 {total} · 应点现金 {cash} · 支票和汇票 {cheques} · 抹零 {cuts}</translation>
    </message>
    <message>
        <source>Export the hand-over</source>
        <translation>导出交款汇总</translation>
    </message>
    <message>
        <source>Hand-over summary {date}</source>
        <translation>交款汇总 {date}</translation>
    </message>
    <message>
        <source>Posted: {payments} payment(s) of {amount}, {cuts} tail cut(s), {promises} new promise(s), {visits} visit(s).</source>
        <translation>已记账：收款 {payments} 笔共 {amount}，抹零 {cuts} 笔，新约定 {promises} 笔，拜访 {visits} 次。</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Cheque no. / bank / due</source>
        <translation>票号 / 银行 / 到期日</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>Customer page → Delivery</source>
        <translation>客户页 → 送货</translation>
    </message>
    <message>
        <source>Customer page → Payment</source>
        <translation>客户页 → 收款</translation>
    </message>
    <message>
        <source>Customer page → Can&apos;t pay today: promise</source>
        <translation>客户页 → 今天付不了：约定清款</translation>
    </message>
    <message>
        <source>Customer page → Log a visit</source>
        <translation>客户页 → 记录拜访</translation>
    </message>
    <message>
        <source>Customer page → Statement</source>
        <translation>客户页 → 对账单</translation>
    </message>
    <message>
        <source>Customer page → Void the selected entry</source>
        <translation>客户页 → 冲销所选分录</translation>
    </message>
    <message>
        <source>Customer page → Back to the list</source>
        <translation>客户页 → 返回客户列表</translation>
    </message>
    <message>
        <source>Customer list → Open the selected customer</source>
        <translation>客户列表 → 打开所选客户</translation>
    </message>
    <message>
        <source>Any dialog → Save / Cancel</source>
        <translation>任意对话框 → 保存 / 取消</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Open the &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;About Qingkuan</source>
        <translation>关于清款(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Customers (with opening balances)</source>
        <translation>客户（含期初余额）</translation>
    </message>
    <message>
        <source>Ledger entries</source>
        <translation>账目</translation>
    </message>
    <message>
        <source>Promises to pay</source>
        <translation>约定清款</translation>
    </message>
    <message>
        <source>The import was cancelled: nothing was written.</source>
        <translation>导入已取消：没有写入任何内容。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>从文件导入</translation>
    </message>
    <message>
        <source>Excel or CSV (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>Excel 或 CSV (*.xlsx *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save a template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Template saved: {path}</source>
        <translation>模板已保存：{path}</translation>
    </message>
    <message>
        <source>Choose the file to import.</source>
        <translation>请选择要导入的文件。</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <source>Layout ‘{name}’ deleted.</source>
        <translation>导入格式“{name}”已删除。</translation>
    </message>
    <message>
        <source>Layout ‘{name}’ saved.</source>
        <translation>导入格式“{name}”已保存。</translation>
    </message>
    <message>
        <source>Choose the file&apos;s column for {column}.</source>
        <translation>请为“{column}”选择文件中的列。</translation>
    </message>
    <message>
        <source>One column of the file cannot be both {names}.</source>
        <translation>文件中的同一列不能同时是 {names}。</translation>
    </message>
    <message>
        <source>The first {n} of {total} rows, as they will be imported.</source>
        <translation>共 {total} 行中的前 {n} 行，即将按此导入。</translation>
    </message>
    <message>
        <source>Every row: {kind}.</source>
        <translation>每行均为：{kind}。</translation>
    </message>
    <message>
        <source>Import posts the rows not yet in the ledger and counts those already imported; a bad row stops it, and nothing is written.</source>
        <translation>“导入”只记入账本中还没有的行，已导入过的行只计数；有一行有问题就整个不导入，什么都不写入。</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在检查每一行…</translation>
    </message>
    <message>
        <source>Fix these rows in the file, save it, and check again (Back, Next).</source>
        <translation>请在文件中改好这些行并保存，然后重新检查（上一步、下一步）。</translation>
    </message>
    <message>
        <source>Every row is fine. Import now?</source>
        <translation>每一行都没有问题。现在导入吗？</translation>
    </message>
    <message>
        <source>Importing row {done} of {total}…</source>
        <translation>正在导入第 {done} 行，共 {total} 行…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Step {n}: the file</source>
        <translation>第 {n} 步：选择文件</translation>
    </message>
    <message>
        <source>Step {n}: the sheet</source>
        <translation>第 {n} 步：选择工作表</translation>
    </message>
    <message>
        <source>Step {n}: the columns</source>
        <translation>第 {n} 步：对应列</translation>
    </message>
    <message>
        <source>Step {n}: preview</source>
        <translation>第 {n} 步：预览</translation>
    </message>
    <message>
        <source>Step {n}: check every row</source>
        <translation>第 {n} 步：检查每一行</translation>
    </message>
    <message>
        <source>Step {n}: import</source>
        <translation>第 {n} 步：导入</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx) or a CSV file, in any encoding Excel or WPS saves. Headers may be Chinese or English; you can match them to ours in the columns step. Nothing is written until every row is fine.</source>
        <translation>Excel 工作簿（.xlsx）或 CSV 文件，Excel 或 WPS 保存的任何编码都可以。表头可以是中文或英文，在“对应列”这一步可以把它们和我们的列对应起来。每一行都没有问题之前，不会写入任何内容。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>&amp;Import:</source>
        <translation>导入(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation>导入格式(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Delete layout…</source>
        <translation>删除导入格式(&amp;D)…</translation>
    </message>
    <message>
        <source>Save as &amp;layout:</source>
        <translation>保存为导入格式(&amp;L)：</translation>
    </message>
    <message>
        <source>e.g. 开单软件导出 (optional)</source>
        <translation>例如 开单软件导出（可不填）</translation>
    </message>
    <message>
        <source>A named layout is kept in the ledger, for every PC of the office: a file with the same header row then goes straight from the file to the preview.</source>
        <translation>起了名字的导入格式保存在账本里，办公室每台电脑都能用：以后表头相同的文件选好后直接进入预览。</translation>
    </message>
    <message>
        <source>The ledger is read-only: layouts cannot be saved in it.</source>
        <translation>账本是只读的：不能在其中保存导入格式。</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>工作表(&amp;S)：</translation>
    </message>
    <message>
        <source>Br&amp;owse…</source>
        <translation>浏览(&amp;O)…</translation>
    </message>
    <message>
        <source>Save a &amp;template…</source>
        <translation>保存模板(&amp;T)…</translation>
    </message>
    <message>
        <source>Which column of the file holds each of ours (* = required). Guessed from the headers; your choice is remembered for files laid out like this one.</source>
        <translation>文件中哪一列对应我们的每一列（* 为必填）。已根据表头猜测；您的选择会被记住，用于同样格式的文件。</translation>
    </message>
    <message>
        <source>Our column</source>
        <translation>我们的列</translation>
    </message>
    <message>
        <source>File column</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Show the customers</source>
        <translation>查看这些客户</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>Step 2 of 2: preview (layout ‘{name}’)</source>
        <translation>第 2 步（共 2 步）：预览（导入格式“{name}”）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>(every row: {value})</source>
        <translation>（每行均为：{value}）</translation>
    </message>
    <message>
        <source>Recognise it by the file&apos;s header row</source>
        <translation>按文件的表头自动识别</translation>
    </message>
    <message>
        <source>None: I map the columns myself</source>
        <translation>不用：我自己对应各列</translation>
    </message>
    <message>
        <source>Delete the layout</source>
        <translation>删除导入格式</translation>
    </message>
    <message>
        <source>Delete the layout ‘{name}’? Every PC of the office loses it; entries imported with it stay as they are.</source>
        <translation>删除导入格式“{name}”吗？办公室所有电脑都将不能再用它；用它导入的账目保持不变。</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>Cannot open the ledger</source>
        <translation>无法打开账本</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <source>Open a ledger</source>
        <translation>打开账本</translation>
    </message>
    <message>
        <source>Qingkuan ledgers (*.qkledger);;All files (*)</source>
        <translation>清款账本 (*.qkledger);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Ledger safeguards put back</source>
        <translation>账本保护已恢复</translation>
    </message>
    <message>
        <source>Cannot restore the backup</source>
        <translation>无法恢复备份</translation>
    </message>
</context>
<context>
    <name>LedgerFiles</name>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>This ledger holds things Qingkuan did not make:

{names}

They could change your figures whenever you post (a ledger received from elsewhere can carry them). Remove them and open the ledger?

If you added them yourself on purpose, answer No: the ledger then stays closed.</source>
        <translation>此账本中有非清款建立的内容：

{names}

它们可能在每次记账时篡改您的数据（从别处收到的账本可能带有这些内容）。删除它们并打开账本吗？

如果是您自己有意添加的，请选“否”：账本将保持关闭。</translation>
    </message>
    <message>
        <source>Foreign triggers in the ledger</source>
        <translation>账本中有外来触发器</translation>
    </message>
    <message>
        <source>The password was not accepted. Password for {ledger}:</source>
        <translation>密码不正确。{ledger} 的密码：</translation>
    </message>
    <message>
        <source>Password for {ledger}:</source>
        <translation>{ledger} 的密码：</translation>
    </message>
    <message>
        <source>Ledger in a shared folder</source>
        <translation>账本在共享文件夹中</translation>
    </message>
    <message>
        <source>‘{path}’ is in {place}. A ledger file there can lose entries or be damaged when two computers write it, so Qingkuan does not write it there.

Work on a copy on this computer (it is made in {folder} and opened), or only look at the ledger there (read-only: printing and exporting work).

To share one ledger between the computers of an office, use a PostgreSQL server (a postgresql:// address).</source>
        <translation>“{path}”位于{place}中。账本文件放在那里，两台电脑同时写入时可能丢失记录或损坏，所以清款不会在那里写入。

可以在本机的副本上工作（副本建在 {folder} 中并随即打开），也可以只查看那里的账本（只读：可以打印和导出）。

如果办公室几台电脑要共用一个账本，请使用 PostgreSQL 服务器（postgresql:// 地址）。</translation>
    </message>
    <message>
        <source>Work on a local copy</source>
        <translation>在本机副本上工作</translation>
    </message>
    <message>
        <source>Look at it read-only</source>
        <translation>只读查看</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Doc no.</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>借方</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>贷方</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>+{count} more</source>
        <translation>另{count}项</translation>
    </message>
    <message>
        <source>Reversal: {reason}</source>
        <translation>冲销：{reason}</translation>
    </message>
    <message>
        <source>due {date}</source>
        <translation>到期 {date}</translation>
    </message>
    <message>
        <source>VOIDED: {reason}</source>
        <translation>已作废：{reason}</translation>
    </message>
    <message>
        <source>Reversal: {kind}</source>
        <translation>冲销：{kind}</translation>
    </message>
    <message>
        <source>{kind} (voided)</source>
        <translation>{kind}（已作废）</translation>
    </message>
    <message>
        <source>Cheque</source>
        <translation>支票</translation>
    </message>
    <message>
        <source>No status changes recorded yet.</source>
        <translation>尚无状态变更记录。</translation>
    </message>
    <message>
        <source>{when} {who}: {old} → {new}</source>
        <translation>{when} {who}：{old} → {new}</translation>
    </message>
    <message>
        <source>Status history:</source>
        <translation>状态记录：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Qingkuan 清款 – {ledger}</source>
        <translation>清款 – {ledger}</translation>
    </message>
    <message>
        <source>Signed in: {name} ({role})</source>
        <translation>已登录：{name}（{role}）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Find customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open another ledger…</source>
        <translation>打开其他账本(&amp;O)…</translation>
    </message>
    <message>
        <source>Connect to a s&amp;hared ledger…</source>
        <translation>连接共用账本(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Import &amp;deliveries…</source>
        <translation>导入送货单(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Route sheet…</source>
        <translation>收款路线单(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Call list (promises due)…</source>
        <translation>电话确认清单（到期约定）(&amp;C)…</translation>
    </message>
    <message>
        <source>Record a statement &amp;reply…</source>
        <translation>登记对账回执(&amp;R)…</translation>
    </message>
    <message>
        <source>Revie&amp;w</source>
        <translation>回顾(&amp;W)</translation>
    </message>
    <message>
        <source>The boss&apos;s &amp;review</source>
        <translation>老板看板(&amp;R)</translation>
    </message>
    <message>
        <source>Collection &amp;commission…</source>
        <translation>回款提成(&amp;C)…</translation>
    </message>
    <message>
        <source>Cash &amp;forecast</source>
        <translation>回款预测(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>审计记录(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Reps and routes…</source>
        <translation>业务员与线路(&amp;R)…</translation>
    </message>
    <message>
        <source>P&amp;eople and roles…</source>
        <translation>人员和角色(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Language / 语言</source>
        <translation>语言 / Language(&amp;L)</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <source>Route-day &amp;packet…</source>
        <translation>出车资料包(&amp;P)…</translation>
    </message>
    <message>
        <source>R&amp;oute</source>
        <translation>线路(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今日(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Settle a route day…</source>
        <translation>回单录入(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Hand-over summary…</source>
        <translation>交款汇总(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Backups of the shared ledger…</source>
        <translation>共享账本的备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Backup folder…</source>
        <translation>备份文件夹(&amp;B)…</translation>
    </message>
    <message>
        <source>New &amp;ledger…</source>
        <translation>新建账本(&amp;L)…</translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>送货</translation>
    </message>
</context>
<context>
    <name>MoveToRouteDialog</name>
    <message>
        <source>Move to route</source>
        <translation>移到线路</translation>
    </message>
    <message>
        <source>{n} customer(s) selected.</source>
        <translation>已选 {n} 个客户。</translation>
    </message>
    <message>
        <source>&amp;Route:</source>
        <translation>线路(&amp;R)：</translation>
    </message>
    <message>
        <source>(no route)</source>
        <translation>（无线路）</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Qingkuan</source>
        <translation>清款</translation>
    </message>
</context>
<context>
    <name>PacketDialog</name>
    <message>
        <source>There are no routes in this ledger yet.</source>
        <translation>这个账本还没有线路。</translation>
    </message>
    <message>
        <source>Reading the route…</source>
        <translation>正在读取线路…</translation>
    </message>
    <message>
        <source>{done} of {total}: {title}</source>
        <translation>第 {done} / {total} 份：{title}</translation>
    </message>
    <message>
        <source>Sending to the printer…</source>
        <translation>正在送往打印机…</translation>
    </message>
    <message>
        <source>Printing page {done} of {total}…</source>
        <translation>正在打印第 {done} / {total} 页…</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>预览(&amp;V)</translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>已取消打印。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Print route-day packet</source>
        <translation>打印出车资料包</translation>
    </message>
    <message>
        <source>&amp;Route:</source>
        <translation>线路(&amp;R)：</translation>
    </message>
    <message>
        <source>Route &amp;day:</source>
        <translation>出车日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Print t&amp;o:</source>
        <translation>打印到(&amp;O)：</translation>
    </message>
    <message>
        <source>No printer on this computer</source>
        <translation>这台电脑没有打印机</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <source>Make the packet and send it to the printer, without a preview</source>
        <translation>生成资料包并直接送到打印机，不预览</translation>
    </message>
    <message>
        <source>Statements:</source>
        <translation>对账单：</translation>
    </message>
    <message>
        <source>S&amp;ince the last one printed</source>
        <translation>从上次打印之后(&amp;I)</translation>
    </message>
    <message>
        <source>Last &amp;N days:</source>
        <translation>最近天数(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Two-sided printing: each customer starts on a new sheet</source>
        <translation>双面打印：每个客户从新的一张纸开始(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>There is no printer on this computer.</source>
        <translation>这台电脑没有打印机。</translation>
    </message>
    <message>
        <source>As in Settings</source>
        <translation>按设置</translation>
    </message>
    <message>
        <source>&amp;Every stop, also those owing nothing</source>
        <translation>所有客户，包括无欠款的(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Make packet</source>
        <translation>生成资料包(&amp;M)</translation>
    </message>
</context>
<context>
    <name>PeopleDialog</name>
    <message>
        <source>Choose a route first.</source>
        <translation>请先选择一条线路。</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Reps and routes</source>
        <translation>业务员与线路</translation>
    </message>
    <message>
        <source>Sales reps</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>线路</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>Visit days:</source>
        <translation>拜访日：</translation>
    </message>
    <message>
        <source>Add &amp;rep</source>
        <translation>添加业务员(&amp;R)</translation>
    </message>
    <message>
        <source>Add rou&amp;te</source>
        <translation>添加线路(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Visit order…</source>
        <translation>拜访顺序(&amp;V)…</translation>
    </message>
    <message>
        <source>Route na&amp;me:</source>
        <translation>线路名称(&amp;M)：</translation>
    </message>
    <message>
        <source>Rep &amp;in charge:</source>
        <translation>负责业务员(&amp;I)：</translation>
    </message>
    <message>
        <source>(inactive)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <source>Choose a rep first.</source>
        <translation>请先选择一个业务员。</translation>
    </message>
    <message>
        <source>Save rep changes</source>
        <translation>保存业务员修改</translation>
    </message>
    <message>
        <source>Save route changes</source>
        <translation>保存线路修改</translation>
    </message>
    <message>
        <source>Active (inactive: kept, left out of the pick lists)</source>
        <translation>启用（停用后保留记录，但不在选择列表中出现）</translation>
    </message>
</context>
<context>
    <name>PostingDialog</name>
    <message>
        <source>Press Save again to deliver anyway.</source>
        <translation>仍要送货请再按一次“保存”。</translation>
    </message>
    <message>
        <source>Delivery on credit</source>
        <translation>送货（赊销）</translation>
    </message>
    <message>
        <source>Payment received</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Goods returned</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Discount / tail cut</source>
        <translation>折让 / 抹零</translation>
    </message>
    <message>
        <source>Write off a bad debt</source>
        <translation>坏账核销</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>期初余额</translation>
    </message>
    <message>
        <source>Delivery &amp;note no.:</source>
        <translation>送货单号(&amp;N)：</translation>
    </message>
    <message>
        <source>Receipt &amp;no.:</source>
        <translation>收据号(&amp;N)：</translation>
    </message>
    <message>
        <source>Return &amp;note no.:</source>
        <translation>退货单号(&amp;N)：</translation>
    </message>
    <message>
        <source>App&amp;rove as boss and deliver</source>
        <translation>以老板身份批准并送货(&amp;R)</translation>
    </message>
    <message>
        <source>Boss app&amp;roves…</source>
        <translation>请老板批准…(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>金额(&amp;A)：</translation>
    </message>
    <message>
        <source>In words:</source>
        <translation>大写：</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>方式(&amp;M)：</translation>
    </message>
    <message>
        <source>Document &amp;no.:</source>
        <translation>单号(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>M&amp;emo:</source>
        <translation>摘要(&amp;E)：</translation>
    </message>
    <message>
        <source>Negative if the customer was in credit, e.g. -200.00</source>
        <translation>客户有预付款时填负数，例如 -200.00</translation>
    </message>
    <message>
        <source>e.g. 1,234.50</source>
        <translation>例如 1,234.50</translation>
    </message>
    <message>
        <source>Cheque or draft</source>
        <translation>支票 / 汇票</translation>
    </message>
    <message>
        <source>&amp;Itemise the delivery (optional)</source>
        <translation>送货明细（可选）(&amp;I)</translation>
    </message>
    <message>
        <source>Cheque n&amp;umber:</source>
        <translation>票号(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Bank:</source>
        <translation>银行(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Written on:</source>
        <translation>出票日期(&amp;W)：</translation>
    </message>
    <message>
        <source>Due &amp;on:</source>
        <translation>到期日（票期）(&amp;O)：</translation>
    </message>
    <message>
        <source>Check the words:</source>
        <translation>核对大写：</translation>
    </message>
    <message>
        <source>The amount in words on the cheque must match these capitals.</source>
        <translation>支票上的大写金额必须与此一致。</translation>
    </message>
    <message>
        <source>Owed: &lt;b&gt;{balance}&lt;/b&gt; · open promises cover {promised}</source>
        <translation>欠款：&lt;b&gt;{balance}&lt;/b&gt; · 未到期约定涵盖 {promised}</translation>
    </message>
    <message>
        <source>Pay in full (F9)</source>
        <translation>全额收款 (F9)</translation>
    </message>
    <message>
        <source>Pay the &amp;promise</source>
        <translation>按约定金额(&amp;P)</translation>
    </message>
    <message>
        <source>Press Save again to post it anyway.</source>
        <translation>仍要入账，请再按一次“保存”。</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Open in PDF viewer</source>
        <translation>用 PDF 阅读器打开</translation>
    </message>
    <message>
        <source>Preview – {title}</source>
        <translation>预览 – {title}</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Open in PDF viewer</source>
        <translation>用 PDF 阅读器打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>The PDF could not be saved to ‘{path}’: {reason}</source>
        <translation>PDF 无法保存到“{path}”：{reason}</translation>
    </message>
    <message>
        <source>Sending to the printer…</source>
        <translation>正在送往打印机…</translation>
    </message>
    <message>
        <source>Printing page {done} of {total}…</source>
        <translation>正在打印第 {done} / {total} 页…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>No PDF viewer is set up on this computer. The file is at ‘{path}’.</source>
        <translation>这台电脑没有设置 PDF 阅读器。文件在“{path}”。</translation>
    </message>
</context>
<context>
    <name>PromiseDialog</name>
    <message>
        <source>New date for a promise</source>
        <translation>改约清款日期</translation>
    </message>
    <message>
        <source>Promise to pay</source>
        <translation>约定清款</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>金额(&amp;A)：</translation>
    </message>
    <message>
        <source>In words:</source>
        <translation>大写：</translation>
    </message>
    <message>
        <source>&amp;Clear by:</source>
        <translation>清款时间(&amp;C)：</translation>
    </message>
    <message>
        <source>Expected &amp;method:</source>
        <translation>付款方式(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Who pays if the boss is out:</source>
        <translation>老板不在时谁付款(&amp;W)：</translation>
    </message>
    <message>
        <source>R&amp;ep:</source>
        <translation>业务员(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>Open promise {serial} already covers {amount} due {due}</source>
        <translation>已有未兑现的约定 {serial}：{amount}，{due} 前付清</translation>
    </message>
    <message>
        <source>Not said</source>
        <translation>未说明</translation>
    </message>
    <message>
        <source>&amp;Print the IOU note now</source>
        <translation>立即打印欠条(&amp;P)</translation>
    </message>
    <message>
        <source>Promised on the visit of {when}</source>
        <translation>{when} 拜访时约定</translation>
    </message>
</context>
<context>
    <name>PromiseModel</name>
    <message>
        <source>IOU no.</source>
        <translation>欠条号</translation>
    </message>
    <message>
        <source>Clear by</source>
        <translation>清款时间</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Paid toward it</source>
        <translation>已付</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Who pays</source>
        <translation>付款人</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation>页面集(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>ReasonModel</name>
    <message>
        <source>Reason given</source>
        <translation>未付款原因</translation>
    </message>
    <message>
        <source>Times given</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
</context>
<context>
    <name>ReminderDialog</name>
    <message>
        <source>Copied: paste it into WeChat or a text message.</source>
        <translation>已复制：可粘贴到微信或短信。</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>催款提醒</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Copy all (Ctrl+Shift+C)</source>
        <translation>全部复制 (Ctrl+Shift+C)</translation>
    </message>
</context>
<context>
    <name>RepCommissionModel</name>
    <message>
        <source>Rep</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>应得提成</translation>
    </message>
    <message>
        <source>Deducted</source>
        <translation>扣除</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>提成</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>Scan the slip, or type its number and press Enter.</source>
        <translation>扫描回执条码，或输入编号后按回车。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{code} {name}&lt;/b&gt; · balance &lt;b&gt;{amount}&lt;/b&gt; as of {date}</source>
        <translation>&lt;b&gt;{code} {name}&lt;/b&gt; · 截至 {date} 余额 &lt;b&gt;{amount}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Printed {printed}, reply by {reply_by}: {state}</source>
        <translation>{printed} 打印，回复期限 {reply_by}：{state}</translation>
    </message>
    <message>
        <source>Already answered ({who}, {when}): record again only to replace it.</source>
        <translation>已有回复（{who}，{when}）：只有要替换时才再次登记。</translation>
    </message>
    <message>
        <source>Recorded: the dispute on {number} is closed ({outcome}).</source>
        <translation>已登记：{number} 的争议已结案（{outcome}）。</translation>
    </message>
    <message>
        <source>Recorded: {number} agreed ({code} {amount}).</source>
        <translation>已登记：{number} 相符（{code} {amount}）。</translation>
    </message>
    <message>
        <source>Recorded: {number} disputed ({code}, difference {diff}).</source>
        <translation>已登记：{number} 不符（{code}，差额 {diff}）。</translation>
    </message>
    <message>
        <source>Record a reply to a statement</source>
        <translation>登记对账回执</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <source>DZ-000123</source>
        <translation>DZ-000123</translation>
    </message>
    <message>
        <source>&amp;Agreed (相符)</source>
        <translation>相符(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Disputed (不符)</source>
        <translation>不符(&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;place the earlier reply (it is kept as history)</source>
        <translation>替换原有回复（原回复保留为历史）(&amp;P)</translation>
    </message>
    <message>
        <source>Dispute &amp;outcome</source>
        <translation>争议结案(&amp;O)</translation>
    </message>
    <message>
        <source>the customer&apos;s rep</source>
        <translation>该客户的业务员</translation>
    </message>
    <message>
        <source>Statement &amp;no.:</source>
        <translation>对账单编号(&amp;N)：</translation>
    </message>
    <message>
        <source>The customer:</source>
        <translation>客户回复：</translation>
    </message>
    <message>
        <source>Customer&apos;s a&amp;mount:</source>
        <translation>客户所说金额(&amp;M)：</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>原因(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Handled by:</source>
        <translation>处理人(&amp;H)：</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <source>Credit note or write-off n&amp;umber:</source>
        <translation>红字冲减或核销单号(&amp;U)：</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a file</source>
        <translation>从文件恢复</translation>
    </message>
    <message>
        <source>Qingkuan ledgers (*.qkledger);;All files (*)</source>
        <translation>清款账本 (*.qkledger);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the backup to restore.</source>
        <translation>请选择要恢复的备份。</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <source>Replace the ledger {ledger} by this backup (taken {time}: {customers} customers, {entries} entries, {balance} owed, last entry {last})?

The ledger as it is now is kept first, as a copy named ‘before restore’.</source>
        <translation>用这个备份（备份于 {time}：{customers} 个客户，{entries} 笔账目，欠款 {balance}，最后一笔账目 {last}）替换账本 {ledger} 吗？

当前的账本会先保留下来，副本名称中带有“before-restore”（恢复前）。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Backups of {ledger} in {folder}, newest first. The one you choose is checked before anything is changed.</source>
        <translation>{folder} 中 {ledger} 的备份，最新的在前。所选备份会先经过检查，然后才改动任何内容。</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>账目数</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>欠款</translation>
    </message>
    <message>
        <source>Last entry</source>
        <translation>最后一笔账目</translation>
    </message>
    <message>
        <source>&amp;Other file…</source>
        <translation>其他文件(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>{range} d</source>
        <translation>{range} 天</translation>
    </message>
    <message>
        <source>Open balance by age (yuan)</source>
        <translation>未清余额账龄（元）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未清</translation>
    </message>
    <message>
        <source>Collections and deliveries, 13 months (yuan)</source>
        <translation>近 13 个月回款与送货（元）</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>送货</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month, same days</source>
        <translation>上月同期</translation>
    </message>
    <message>
        <source>Same month last year</source>
        <translation>去年同月同期</translation>
    </message>
    <message>
        <source>{title}: {start} to {end}</source>
        <translation>{title}：{start} 至 {end}</translation>
    </message>
    <message>
        <source>Collected {amount}</source>
        <translation>回款 {amount}</translation>
    </message>
    <message>
        <source>Delivered {amount}</source>
        <translation>送货 {amount}</translation>
    </message>
    <message>
        <source>Balances confirmed by the customer: &lt;b&gt;{n}&lt;/b&gt; customers, &lt;b&gt;{amount}&lt;/b&gt; · not confirmed: &lt;b&gt;{un}&lt;/b&gt;, &lt;b&gt;{un_amount}&lt;/b&gt; (disputed {d}, {d_amount}; unanswered {u}, {u_amount}; awaiting reply {a}, {a_amount}; no statement {s}, {s_amount})</source>
        <translation>客户已确认余额：&lt;b&gt;{n}&lt;/b&gt; 户，&lt;b&gt;{amount}&lt;/b&gt; · 未确认：&lt;b&gt;{un}&lt;/b&gt; 户，&lt;b&gt;{un_amount}&lt;/b&gt;（不符 {d} 户，{d_amount}；未回复 {u} 户，{u_amount}；待回复 {a} 户，{a_amount}；未发对账单 {s} 户，{s_amount}）</translation>
    </message>
    <message>
        <source>{range} days: {amount}</source>
        <translation>{range} 天：{amount}</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>Customers with amounts open {range} days</source>
        <translation>有 {range} 天未清款项的客户</translation>
    </message>
    <message>
        <source>&amp;As of</source>
        <translation>截至日期(&amp;A)</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <source>Print &amp;review…</source>
        <translation>打印经营回顾(&amp;R)…</translation>
    </message>
    <message>
        <source>Aging by r&amp;ep…</source>
        <translation>按业务员账龄(&amp;E)…</translation>
    </message>
    <message>
        <source>Aging by ro&amp;ute…</source>
        <translation>按线路账龄(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Commission…</source>
        <translation>回款提成(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Back (Esc)</source>
        <translation>返回(&amp;B) (Esc)</translation>
    </message>
    <message>
        <source>Total owed</source>
        <translation>应收合计</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Open over 60 days</source>
        <translation>超过 60 天未清</translation>
    </message>
    <message>
        <source>Customers over their credit limit</source>
        <translation>超信用额度的客户</translation>
    </message>
    <message>
        <source>Click to see the customers</source>
        <translation>点击查看相关客户</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <source>Per rep</source>
        <translation>按业务员</translation>
    </message>
    <message>
        <source>Per route</source>
        <translation>按线路</translation>
    </message>
    <message>
        <source>Top debtors</source>
        <translation>欠款最多</translation>
    </message>
    <message>
        <source>Most broken promises</source>
        <translation>失约最多</translation>
    </message>
    <message>
        <source>Over credit limit</source>
        <translation>超信用额度</translation>
    </message>
    <message>
        <source>Reasons for not paying</source>
        <translation>未付款原因</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>各月</translation>
    </message>
    <message>
        <source>Cash forecast</source>
        <translation>回款预测</translation>
    </message>
    <message>
        <source>Chasing steps</source>
        <translation>催款步骤</translation>
    </message>
</context>
<context>
    <name>RouteOrderDialog</name>
    <message>
        <source>Visit order: {route}</source>
        <translation>拜访顺序：{route}</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>The route sheet lists customers in this order. Drag a customer, or move the selected one with Ctrl+↑ / Ctrl+↓.</source>
        <translation>收款路线单按此顺序排列客户。可拖动客户，或用 Ctrl+↑ / Ctrl+↓ 移动选中的客户。</translation>
    </message>
</context>
<context>
    <name>RouteSheetDialog</name>
    <message>
        <source>{route} runs on {days}</source>
        <translation>{route}的出车日是{days}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>There are no routes in this ledger yet.</source>
        <translation>此账本还没有线路。</translation>
    </message>
    <message>
        <source>Print route sheet</source>
        <translation>打印收款路线单</translation>
    </message>
    <message>
        <source>&amp;Route:</source>
        <translation>线路(&amp;R)：</translation>
    </message>
    <message>
        <source>Route &amp;day:</source>
        <translation>出车日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Every stop, also those owing nothing</source>
        <translation>所有客户，包括无欠款的(&amp;E)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Choose a Chinese font</source>
        <translation>选择中文字体</translation>
    </message>
    <message>
        <source>Fonts (*.ttf *.ttc *.otf)</source>
        <translation>字体 (*.ttf *.ttc *.otf)</translation>
    </message>
    <message>
        <source>Type the aging edges as whole days separated by commas, such as 30, 60, 90.</source>
        <translation>账龄分段请填整天数，用逗号分开，例如 30, 60, 90。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Reload the &amp;settings as saved now</source>
        <translation>重新载入当前保存的设置(&amp;S)</translation>
    </message>
    <message>
        <source>Company (printed on every document)</source>
        <translation>公司信息（印在每份单据上）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Bank account:</source>
        <translation>银行账户(&amp;B)：</translation>
    </message>
    <message>
        <source>18 characters, printed on IOU notes</source>
        <translation>18 位，印在欠条上</translation>
    </message>
    <message>
        <source>Documents and aging</source>
        <translation>单据与账龄</translation>
    </message>
    <message>
        <source>Document &amp;language:</source>
        <translation>单据语言(&amp;L)：</translation>
    </message>
    <message>
        <source>PDF &amp;font:</source>
        <translation>PDF 字体(&amp;F)：</translation>
    </message>
    <message>
        <source>Blank: find a Chinese font on this computer</source>
        <translation>空白：自动查找本机中文字体</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Aging &amp;edges (days):</source>
        <translation>账龄分段（天）(&amp;E)：</translation>
    </message>
    <message>
        <source>Blank: the built-in wording. Placeholders: {customer} {company} {amount} {pay} {date} {time} {how_to_pay} {bank_account} {contact}</source>
        <translation>空白：使用内置措辞。可用占位符：{customer} {company} {amount} {pay} {date} {time} {how_to_pay} {bank_account} {contact}</translation>
    </message>
    <message>
        <source>Blank: the built-in wording. Placeholders: {customer} {company} {amount} {balance} {date} {how_to_pay} {bank_account} {contact}</source>
        <translation>空白：使用内置措辞。可用占位符：{customer} {company} {amount} {balance} {date} {how_to_pay} {bank_account} {contact}</translation>
    </message>
    <message>
        <source>IOU note: print the late-payment clause</source>
        <translation>欠条印逾期付款条款（违约责任）</translation>
    </message>
    <message>
        <source>Blank: the built-in wording (late payment, costs of collecting)</source>
        <translation>留空：使用内置措辞（逾期利息、追讨费用）</translation>
    </message>
    <message>
        <source>Chasing</source>
        <translation>催款计划</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Paper si&amp;ze:</source>
        <translation>纸张(&amp;Z)：</translation>
    </message>
    <message>
        <source>Slip: ‘no reply by the date counts as confirmed’ (only if agreed)</source>
        <translation>回执印“逾期未回复视为确认”（仅限已与客户约定时）</translation>
    </message>
    <message>
        <source>Late-payment cla&amp;use:</source>
        <translation>逾期付款条款(&amp;U)：</translation>
    </message>
    <message>
        <source>Screen lan&amp;guage:</source>
        <translation>界面语言(&amp;G)：</translation>
    </message>
    <message>
        <source>Route days</source>
        <translation>出车日</translation>
    </message>
    <message>
        <source>&amp;Tail-cut limit (抹零):</source>
        <translation>抹零上限(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Overdue reminder:</source>
        <translation>逾期提醒(&amp;O)：</translation>
    </message>
    <message>
        <source>Promise re&amp;minder:</source>
        <translation>约定提醒(&amp;M)：</translation>
    </message>
    <message>
        <source>Choose the payment QR code</source>
        <translation>选择收款码图片</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>The picture could not be read: {reason}</source>
        <translation>无法读取这张图片：{reason}</translation>
    </message>
    <message>
        <source>A picture is chosen ({size} KB)</source>
        <translation>已选择图片（{size} KB）</translation>
    </message>
    <message>
        <source>None (optional)</source>
        <translation>无（可选）</translation>
    </message>
    <message>
        <source>Account &amp;holder:</source>
        <translation>户名(&amp;H)：</translation>
    </message>
    <message>
        <source>Unified social credit co&amp;de:</source>
        <translation>统一社会信用代码(&amp;D)：</translation>
    </message>
    <message>
        <source>Statement con&amp;tact:</source>
        <translation>对账联系人(&amp;T)：</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone (blank: the company&apos;s)</source>
        <translation>电话（留空：用公司电话）</translation>
    </message>
    <message>
        <source>Pa&amp;yment QR code:</source>
        <translation>收款码(&amp;Y)：</translation>
    </message>
    <message>
        <source>Choose &amp;image…</source>
        <translation>选择图片(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Slip reply &amp;within (days):</source>
        <translation>回执回复期限(&amp;W)（天）：</translation>
    </message>
    <message>
        <source>&amp;Keep 20 mm on the binding side for hole punching</source>
        <translation>装订边留 20 毫米供打孔(&amp;K)</translation>
    </message>
</context>
<context>
    <name>SettleDialog</name>
    <message>
        <source>{n} stops · {amount} to collect</source>
        <translation>{n} 家 · 待收 {amount}</translation>
    </message>
    <message>
        <source>There is nothing to settle for this route and day.</source>
        <translation>这条线路在这一天没有需要录入的客户。</translation>
    </message>
    <message>
        <source>{n} stop(s) paid a little less than was due: the difference is filled in as a tail cut (抹零). Press Save again to post it, or clear the cell first.</source>
        <translation>有 {n} 家比应收少付了一点：差额已填为抹零。再按一次“保存”即记账，不同意请先清空该格。</translation>
    </message>
    <message>
        <source>{n} stop(s) paid less than was due by more than the tail-cut limit: what stays owing is noted in the row. Press Save again to post it so, or let the boss allow the tail cut (Alt+B).</source>
        <translation>{n} 家收款比应收少，且超出抹零上限：仍欠的金额已在该行注明。再按“保存”按此入账，或由老板特批抹零（Alt+B）。</translation>
    </message>
    <message>
        <source>Settle a route day</source>
        <translation>回单录入</translation>
    </message>
    <message>
        <source>&amp;Route:</source>
        <translation>线路(&amp;R)：</translation>
    </message>
    <message>
        <source>Route &amp;day:</source>
        <translation>出车日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Cheque no.</source>
        <translation>票号</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>Cheque due</source>
        <translation>票据到期日</translation>
    </message>
    <message>
        <source>Tail cut</source>
        <translation>抹零</translation>
    </message>
    <message>
        <source>Left owing</source>
        <translation>还欠</translation>
    </message>
    <message>
        <source>New promise</source>
        <translation>新约定</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>约定金额</translation>
    </message>
    <message>
        <source>Visit outcome</source>
        <translation>拜访结果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Boss allows the tail cut</source>
        <translation>老板特批抹零(&amp;B)</translation>
    </message>
    <message>
        <source>The current row paid less than was due by more than the tail-cut limit: record the difference as a tail cut the boss allowed.</source>
        <translation>当前行的收款比应收少，且超出抹零上限：把差额记为老板特批的抹零。</translation>
    </message>
    <message>
        <source>Date and time, such as 2026-12-04 10:00</source>
        <translation>日期和时间，例如 2026-12-04 10:00</translation>
    </message>
    <message>
        <source>Empty: what is still owed after today&apos;s payment (shown in grey).</source>
        <translation>留空：按今天收款后仍欠的金额（灰色显示）。</translation>
    </message>
</context>
<context>
    <name>SharedBackupDialog</name>
    <message>
        <source>Backups of a shared ledger</source>
        <translation>共享账本的备份</translation>
    </message>
    <message>
        <source>This ledger lives on a PostgreSQL server, which several computers share. Back it up on the server with the first command (it asks for the password), and restore it with the second, after everyone has closed Qingkuan.</source>
        <translation>这个账本保存在多台电脑共用的 PostgreSQL 服务器上。请在服务器上用第一条命令备份（会询问密码），在所有人都关闭清款之后，用第二条命令恢复。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>The ledger {ledger} asks who you are. (On a ledger file this guards against mistakes, not against someone who copies the file.)</source>
        <translation>账本 {ledger} 要求登录。（在账本文件上，这只防止误操作，防不了复制文件的人。）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名字(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message>
        <source>For &amp;WeChat</source>
        <translation>微信版(&amp;W)</translation>
    </message>
    <message>
        <source>Print statement</source>
        <translation>打印对账单</translation>
    </message>
    <message>
        <source>Statement for WeChat</source>
        <translation>微信对账单</translation>
    </message>
    <message>
        <source>Period &amp;from:</source>
        <translation>期间从(&amp;F)：</translation>
    </message>
    <message>
        <source>Period &amp;to:</source>
        <translation>期间到(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Aged as of:</source>
        <translation>账龄截至(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export to Excel or CSV…</source>
        <translation>导出到 Excel 或 CSV…</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Reading the ledger…</source>
        <translation>正在读取账本…</translation>
    </message>
    <message>
        <source>Today, {date} {weekday}</source>
        <translation>今日 {date} {weekday}</translation>
    </message>
    <message>
        <source>Owed &lt;b&gt;{owed}&lt;/b&gt; · overdue &lt;b&gt;{overdue}&lt;/b&gt; · promised this week &lt;b&gt;{week}&lt;/b&gt; · collected today &lt;b&gt;{today}&lt;/b&gt; · this month &lt;b&gt;{month}&lt;/b&gt;</source>
        <translation>应收 &lt;b&gt;{owed}&lt;/b&gt; · 逾期 &lt;b&gt;{overdue}&lt;/b&gt; · 本周约定 &lt;b&gt;{week}&lt;/b&gt; · 今日收款 &lt;b&gt;{today}&lt;/b&gt; · 本月收款 &lt;b&gt;{month}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Today&apos;s routes</source>
        <translation>今日线路</translation>
    </message>
    <message>
        <source>Tomorrow&apos;s routes</source>
        <translation>明日线路</translation>
    </message>
    <message>
        <source>Promises due today</source>
        <translation>今日到期的约定</translation>
    </message>
    <message>
        <source>Promises due tomorrow</source>
        <translation>明日到期的约定</translation>
    </message>
    <message>
        <source>Broken promises without a new date</source>
        <translation>已失约、尚未约定新日期</translation>
    </message>
    <message>
        <source>Cheques and drafts maturing within 7 days</source>
        <translation>7 天内到期的支票和汇票</translation>
    </message>
    <message>
        <source>Bounced cheques not yet re-paid</source>
        <translation>跳票尚未补款</translation>
    </message>
    <message>
        <source>re-paid {amount}</source>
        <translation>已补 {amount}</translation>
    </message>
    <message>
        <source>Over the credit limit</source>
        <translation>超过信用额度</translation>
    </message>
    <message>
        <source>limit {limit}</source>
        <translation>额度 {limit}</translation>
    </message>
    <message>
        <source>Two or more broken promises in 90 days</source>
        <translation>90 天内失约两次以上</translation>
    </message>
    <message>
        <source>{n} broken</source>
        <translation>失约 {n} 次</translation>
    </message>
    <message>
        <source>Open disputes about statements</source>
        <translation>未结的对账争议</translation>
    </message>
    <message>
        <source>handled by {who}</source>
        <translation>处理人 {who}</translation>
    </message>
    <message>
        <source>Statements unanswered past their reply-by date</source>
        <translation>过了回复期限仍未回复的对账单</translation>
    </message>
    <message>
        <source>reply was due {date}</source>
        <translation>应于 {date} 前回复</translation>
    </message>
    <message>
        <source> ({rep})</source>
        <translation>（{rep}）</translation>
    </message>
    <message>
        <source>Step done (Ctrl+D)</source>
        <translation>步骤已完成 (Ctrl+D)</translation>
    </message>
    <message>
        <source>{route}{rep}: {stops} stops, {owing} owing</source>
        <translation>{route}{rep}：{stops} 家，{owing} 家欠款</translation>
    </message>
    <message>
        <source>overdue {amount}</source>
        <translation>逾期 {amount}</translation>
    </message>
    <message>
        <source>covered</source>
        <translation>已付清</translation>
    </message>
    <message>
        <source>to collect {amount}</source>
        <translation>待收 {amount}</translation>
    </message>
    <message>
        <source>Chasing steps due</source>
        <translation>到期的催款步骤</translation>
    </message>
    <message>
        <source>step {n}/{m}: {action}</source>
        <translation>第{n}/{m}步：{action}</translation>
    </message>
    <message>
        <source>since {date}</source>
        <translation>自{date}起</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Customers (Esc)</source>
        <translation>客户列表 (Esc)</translation>
    </message>
    <message>
        <source>Call list (Ctrl+L)</source>
        <translation>电话确认 (Ctrl+L)</translation>
    </message>
    <message>
        <source>Settle a route (Ctrl+Shift+S)</source>
        <translation>回单录入 (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Record a visit (F6)</source>
        <translation>拜访记录 (F6)</translation>
    </message>
    <message>
        <source>New date (F4)</source>
        <translation>改约日期 (F4)</translation>
    </message>
    <message>
        <source>Reminder… (Ctrl+M)</source>
        <translation>催款提醒… (Ctrl+M)</translation>
    </message>
    <message>
        <source>{route}{rep}: 1 stop, {owing} owing</source>
        <translation>{route}{rep}：1 家，{owing} 家欠款</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>The two passwords differ: type them again.</source>
        <translation>两次输入的密码不一致：请重新输入。</translation>
    </message>
    <message>
        <source>People and roles</source>
        <translation>人员和角色</translation>
    </message>
    <message>
        <source>Each person signs in to the shared ledger with their own name and password; the database itself refuses what their role may not do. Clerks post, promise, visit, settle, print and import; the boss does everything; viewers review, print and export.</source>
        <translation>每人用自己的名字和密码登录共享账本，数据库本身拒绝其角色不允许的操作。文员：记账、约定、拜访、结算、打印、导入；老板：全部；查看者：查看、打印、导出。</translation>
    </message>
    <message>
        <source>This ledger file asks who is at the keyboard. On a file this guards against mistakes, not against someone who copies the file: anyone with the file can read and change it with other tools.</source>
        <translation>此账本文件要求登录。在文件上，这只防止误操作，防不了复制文件的人：拿到文件的人可以用其他工具读取和修改它。</translation>
    </message>
    <message>
        <source>Nobody signs in to this ledger file yet. Adding a boss turns sign-in on. On a file this guards against mistakes, not against someone who copies the file.</source>
        <translation>此账本文件还没有人登录。添加一位老板即开启登录。在文件上，这只防止误操作，防不了复制文件的人。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名字</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>The person chosen above</source>
        <translation>上面选中的人员</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>文员</translation>
    </message>
    <message>
        <source>boss</source>
        <translation>老板</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>查看者</translation>
    </message>
    <message>
        <source>Gi&amp;ve this role</source>
        <translation>设为此角色(&amp;V)</translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation>再输一次密码(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名字(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Choose the outcome of the visit.</source>
        <translation>请选择拜访结果。</translation>
    </message>
    <message>
        <source>Log a visit</source>
        <translation>拜访记录</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>时间(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>结果(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Reason (no money came):</source>
        <translation>未收到款的原因(&amp;R)：</translation>
    </message>
    <message>
        <source>R&amp;ep:</source>
        <translation>业务员(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
</context>
<context>
    <name>VisitModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reason (no money came)</source>
        <translation>未收到款的原因</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>Bounce cheque</source>
        <translation>跳票</translation>
    </message>
    <message>
        <source>Void entry</source>
        <translation>作废单据</translation>
    </message>
    <message>
        <source>{kind} of {amount} on {date} {doc}</source>
        <translation>{date} {kind} {amount} {doc}</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>e.g. bank returned it: insufficient funds</source>
        <translation>例如：银行退票，存款不足</translation>
    </message>
    <message>
        <source>e.g. typed the wrong amount</source>
        <translation>例如：金额输错</translation>
    </message>
    <message>
        <source>&amp;Bounce</source>
        <translation>跳票(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Void</source>
        <translation>作废(&amp;V)</translation>
    </message>
</context>
<context>
    <name>WeChatDialog</name>
    <message>
        <source>Page {n} of {count}</source>
        <translation>第 {n} 页 / 共 {count} 页</translation>
    </message>
    <message>
        <source>Page {n} and the message are on the clipboard: paste them into WeChat.</source>
        <translation>第 {n} 页和消息已复制到剪贴板：粘贴到微信即可。</translation>
    </message>
    <message>
        <source>The message is on the clipboard.</source>
        <translation>消息已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Save images</source>
        <translation>保存图片</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Saved: {paths}</source>
        <translation>已保存：{paths}</translation>
    </message>
    <message>
        <source>Statement {number} for WeChat</source>
        <translation>微信对账单 {number}</translation>
    </message>
    <message>
        <source>The message &amp;to send:</source>
        <translation>随图发送的消息(&amp;T)：</translation>
    </message>
    <message>
        <source>◀ Pre&amp;vious</source>
        <translation>◀ 上一页(&amp;V)</translation>
    </message>
    <message>
        <source>Ne&amp;xt ▶</source>
        <translation>下一页(&amp;X) ▶</translation>
    </message>
    <message>
        <source>&amp;Copy page</source>
        <translation>复制本页(&amp;C)</translation>
    </message>
    <message>
        <source>Copy &amp;message</source>
        <translation>复制消息(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Save images…</source>
        <translation>保存图片(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>WeekModel</name>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Promised (weighted)</source>
        <translation>约定（按兑现率）</translation>
    </message>
    <message>
        <source>By paying habit</source>
        <translation>按付款习惯</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预计回款</translation>
    </message>
</context>
<context>
    <name>Weekdays</name>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Type your company&apos;s name: it heads every document.</source>
        <translation>请填写公司名称：它印在每份单据的抬头。</translation>
    </message>
    <message>
        <source>The ledger {ledger} cannot be opened. Its latest good backup was taken {time}: {customers} customers, {entries} entries, last entry {last} ({path}). Restoring it keeps the ledger as it is now beside the backups.</source>
        <translation>账本 {ledger} 无法打开。它最新的完好备份于 {time} 备份：{customers} 个客户，{entries} 笔账目，最后一笔账目 {last}（{path}）。恢复时会把当前的账本保留在备份旁边。</translation>
    </message>
    <message>
        <source>Open a ledger</source>
        <translation>打开账本</translation>
    </message>
    <message>
        <source>Qingkuan ledgers (*.qkledger);;All files (*)</source>
        <translation>清款账本 (*.qkledger);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Welcome to Qingkuan</source>
        <translation>欢迎使用清款</translation>
    </message>
    <message>
        <source>Welcome to Qingkuan 清款</source>
        <translation>欢迎使用清款</translation>
    </message>
    <message>
        <source>Qingkuan keeps what your customers owe: deliveries, payments, promises to pay and the statements and IOU notes your reps carry.</source>
        <translation>清款记录客户欠您的每一笔：送货、收款、约定清款，以及业务员随身带的对账单和欠条。</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Start a new ledger</source>
        <translation>新建账本</translation>
    </message>
    <message>
        <source>&amp;Company name:</source>
        <translation>公司名称(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Bank account:</source>
        <translation>银行账户(&amp;B)：</translation>
    </message>
    <message>
        <source>e.g. 佛山市东城食品批发部</source>
        <translation>例如 佛山市东城食品批发部</translation>
    </message>
    <message>
        <source>Printed on statements for transfers</source>
        <translation>印在对账单上，方便客户转账</translation>
    </message>
    <message>
        <source>Restore the latest good backup</source>
        <translation>恢复最新的完好备份</translation>
    </message>
    <message>
        <source>&amp;Restore this backup</source>
        <translation>恢复此备份(&amp;R)</translation>
    </message>
    <message>
        <source>Try the &amp;demo ledger (a copy)</source>
        <translation>试用示范账本(&amp;D)（副本）</translation>
    </message>
    <message>
        <source>&amp;Open a ledger file…</source>
        <translation>打开账本文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Connect to a &amp;shared ledger…</source>
        <translation>连接共用账本(&amp;S)…</translation>
    </message>
    <message>
        <source>Your ledger will be kept in {folder}</source>
        <translation>账本将保存在 {folder}</translation>
    </message>
    <message>
        <source>Create &amp;ledger</source>
        <translation>创建账本(&amp;L)</translation>
    </message>
    <message>
        <source>The folder ‘{folder}’ cannot be created: {reason}</source>
        <translation>无法创建文件夹“{folder}”：{reason}</translation>
    </message>
</context>
<context>
    <name>ZoomBar</name>
    <message>
        <source>fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>fit page</source>
        <translation>适合整页</translation>
    </message>
    <message>
        <source>of {n}</source>
        <translation>/ 共 {n} 页</translation>
    </message>
    <message>
        <source>Fit &amp;width</source>
        <translation>适合宽度(&amp;W)</translation>
    </message>
    <message>
        <source>Fit p&amp;age</source>
        <translation>适合整页(&amp;A)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+−, or Ctrl+wheel)</source>
        <translation>缩小（Ctrl+−，或按住 Ctrl 滚动滚轮）</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++, or Ctrl+wheel)</source>
        <translation>放大（Ctrl++，或按住 Ctrl 滚动滚轮）</translation>
    </message>
    <message>
        <source>Pa&amp;ge</source>
        <translation>页(&amp;G)</translation>
    </message>
</context>
<context>
    <name>_PrintChoiceDialog</name>
    <message>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>{amount} in credit</source>
        <translation>预收 {amount}</translation>
    </message>
</context>
<context>
    <name>printers</name>
    <message>
        <source>The PDF to print could not be read.</source>
        <translation>无法读取要打印的 PDF。</translation>
    </message>
    <message>
        <source>There is no page to print.</source>
        <translation>没有要打印的页。</translation>
    </message>
    <message>
        <source>The print job could not be sent: {reason}</source>
        <translation>打印任务无法发送：{reason}</translation>
    </message>
    <message>
        <source>The printer refused the job: {reason}</source>
        <translation>打印机拒绝了这个任务：{reason}</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <source>The printer stopped after page {n}.</source>
        <translation>打印机在第 {n} 页后停止了。</translation>
    </message>
</context>
<context>
    <name>send</name>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
</TS>
