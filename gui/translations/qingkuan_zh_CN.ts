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
        <source>Contact per&amp;son:</source>
        <translation>联系人(&amp;S)：</translation>
    </message>
    <message>
        <source>Arc&amp;hived (hidden from daily lists; the ledger stays)</source>
        <translation>已归档(&amp;H)（日常列表不显示，账目保留）</translation>
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
        <source>What the customer owes; red when over the credit limit</source>
        <translation>客户欠款；超过信用额度时显示为红色</translation>
    </message>
    <message>
        <source>Owed past its due date (in red)</source>
        <translation>已过到期日的欠款（红色）</translation>
    </message>
    <message>
        <source>Over the credit limit of {limit}</source>
        <translation>超过信用额度 {limit}</translation>
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
        <source>{shown} of {total} customers · balance {balance} · overdue {overdue}</source>
        <translation>显示 {shown} / {total} 个客户 · 余额 {balance} · 逾期 {overdue}</translation>
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
        <source>&amp;Undo cheque status</source>
        <translation>撤销支票状态(&amp;U)</translation>
    </message>
    <message>
        <source>Sets the cheque back to its status before the last change; the history (hover the Cheque column) keeps both</source>
        <translation>把支票恢复到上一次更改之前的状态；状态记录（鼠标停在“支票”列上查看）会保留两次更改</translation>
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
    <name>Launcher</name>
    <message>
        <source>Cannot open the ledger</source>
        <translation>无法打开账本</translation>
    </message>
    <message>
        <source>Ledger on a network share</source>
        <translation>账本在网络共享上</translation>
    </message>
    <message>
        <source>Open a ledger</source>
        <translation>打开账本</translation>
    </message>
    <message>
        <source>Qingkuan ledgers (*.qkledger);;All files (*)</source>
        <translation>清款账本 (*.qkledger);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>LedgerFiles</name>
    <message>
        <source>This ledger is on a network share. A ledger file must not be shared between computers this way: it can be damaged when two people write at once. To share a ledger, use the PostgreSQL mode (a postgresql:// address).</source>
        <translation>此账本位于网络共享文件夹。账本文件不能这样在多台电脑之间共用：两人同时写入可能损坏账本。要共用账本，请使用 PostgreSQL 模式（postgresql:// 地址）。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>The password was not accepted. Password for {ledger}:</source>
        <translation>密码不正确。{ledger} 的密码：</translation>
    </message>
    <message>
        <source>Password for {ledger}:</source>
        <translation>{ledger} 的密码：</translation>
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
        <source>Cheque</source>
        <translation>支票</translation>
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
    <message>
        <source>Reversal: {kind}</source>
        <translation>冲销：{kind}</translation>
    </message>
    <message>
        <source>{kind} (voided)</source>
        <translation>{kind}（已作废）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Qingkuan 清款 – {ledger}</source>
        <translation>清款 – {ledger}</translation>
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
        <source>New &amp;ledger…</source>
        <translation>新建账本(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
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
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Reps and routes…</source>
        <translation>业务员与线路(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Language / 语言</source>
        <translation>语言 / Language(&amp;L)</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
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
        <source>Due on:</source>
        <translation>到期日（票期）：</translation>
    </message>
    <message>
        <source>Cheque n&amp;umber:</source>
        <translation>票号(&amp;U)：</translation>
    </message>
    <message>
        <source>Press Save again to post it anyway.</source>
        <translation>仍要入账，请再按一次“保存”。</translation>
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
        <source>Check the words:</source>
        <translation>核对大写：</translation>
    </message>
    <message>
        <source>The amount in words on the cheque must match these capitals.</source>
        <translation>支票上的大写金额必须与此一致。</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be saved to ‘{path}’: {reason}</source>
        <translation>PDF 无法保存到“{path}”：{reason}</translation>
    </message>
    <message>
        <source>Open in PDF viewer</source>
        <translation>用 PDF 阅读器打开</translation>
    </message>
    <message>
        <source>No PDF viewer is set up on this computer. The file is at ‘{path}’.</source>
        <translation>这台电脑没有设置 PDF 阅读器。文件在“{path}”。</translation>
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
</context>
<context>
    <name>PromiseDialog</name>
    <message>
        <source>Promised on the visit of {when}</source>
        <translation>{when} 拜访时约定</translation>
    </message>
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
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
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
    <name>RouteOrderDialog</name>
    <message>
        <source>Visit order: {route}</source>
        <translation>拜访顺序：{route}</translation>
    </message>
    <message>
        <source>The route sheet lists customers in this order. Move the selected one with Ctrl+↑ / Ctrl+↓.</source>
        <translation>收款路线单按此顺序列出客户。用 Ctrl+↑ / Ctrl+↓ 移动选中的客户。</translation>
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
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
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
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
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
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Paper si&amp;ze:</source>
        <translation>纸张(&amp;Z)：</translation>
    </message>
    <message>
        <source>Screen lan&amp;guage:</source>
        <translation>界面语言(&amp;G)：</translation>
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
    <name>StatementDialog</name>
    <message>
        <source>Print statement</source>
        <translation>打印对账单</translation>
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
    <message>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
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
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
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
        <source>The folder ‘{folder}’ cannot be created: {reason}</source>
        <translation>无法创建文件夹“{folder}”：{reason}</translation>
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
        <source>Shared ledger</source>
        <translation>共用账本</translation>
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
        <source>Address of the shared ledger, such as
postgresql://user@server/qingkuan
(the password is asked for; it is never stored)</source>
        <translation>共用账本的地址，例如
postgresql://用户@服务器/qingkuan
（密码会单独询问，且从不保存）</translation>
    </message>
    <message>
        <source>Create &amp;ledger</source>
        <translation>创建账本(&amp;L)</translation>
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
    <name>formatting</name>
    <message>
        <source>{amount} in credit</source>
        <translation>预收 {amount}</translation>
    </message>
</context>
</TS>
