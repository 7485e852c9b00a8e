<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BookForm</name>
    <message>
        <source>Phrasebook id</source>
        <extracomment>(field, value): a field of the phrasebook changed (see model.set_book_field).</extracomment>
        <translation>短语库 ID</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Title (%1)</source>
        <translation>标题（%1）</translation>
    </message>
    <message>
        <source>Description (%1)</source>
        <translation>说明（%1）</translation>
    </message>
    <message>
        <source>Do not translate</source>
        <translation>不翻译的词</translation>
    </message>
    <message>
        <source>terms kept as they are by machine drafts, comma-separated</source>
        <translation>机器草稿保持原样的词，用逗号分隔</translation>
    </message>
    <message>
        <source>Phrasebook problems</source>
        <translation>短语库问题</translation>
    </message>
    <message>
        <source>Problems (saving is refused while there are any):</source>
        <translation>问题（存在问题时无法保存）：</translation>
    </message>
    <message>
        <source>The id cannot change once saved.</source>
        <translation>保存后不能再修改 ID。</translation>
    </message>
</context>
<context>
    <name>ChangedBy</name>
    <message>
        <source>Not on the team server yet</source>
        <extracomment>the line to show for the selected entry (&quot;&quot; when there is nothing to say)</extracomment>
        <translation>尚未发布到团队服务器</translation>
    </message>
    <message>
        <source>Last changed by %1 on %2 (team revision %3)</source>
        <translation>最后修改：%1，%2（团队版本 %3）</translation>
    </message>
</context>
<context>
    <name>ComposePanel</name>
    <message>
        <source>Write your reply in your own language</source>
        <extracomment>The agent&apos;s text to translate (debounced, never while composing with an IME; also when the agent changes &quot;Written in&quot;). The agent asked for a missing language pack (its argos codes).</extracomment>
        <translation>用您自己的语言写回复</translation>
    </message>
    <message>
        <source>Your reply</source>
        <translation>您的回复</translation>
    </message>
    <message>
        <source>&amp;Write your reply</source>
        <translation>撰写回复(&amp;W)</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>Language your reply is written in</source>
        <translation>回复所用的语言</translation>
    </message>
    <message>
        <source>Writt&amp;en in</source>
        <translation>书写语言(&amp;E)</translation>
    </message>
    <message>
        <source>Reply in the customer&apos;s language</source>
        <translation>客户语言的回复</translation>
    </message>
    <message>
        <source>Cop&amp;y translation</source>
        <translation>复制译文(&amp;Y)</translation>
    </message>
    <message>
        <source>Back-translation (check the meaning):</source>
        <translation>回译（核对意思）：</translation>
    </message>
    <message>
        <source>In %1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>Translating…</source>
        <translation>正在翻译…</translation>
    </message>
    <message>
        <source>detected: %1</source>
        <translation>识别为：%1</translation>
    </message>
    <message>
        <source>assumed: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <source>Already in %1: no translation needed.</source>
        <translation>已是%1，无需翻译。</translation>
    </message>
    <message>
        <source>Translation failed: %1</source>
        <translation>翻译失败：%1</translation>
    </message>
    <message>
        <source>No back-translation: language pack %1 is missing.</source>
        <translation>无法回译：缺少语言包 %1。</translation>
    </message>
    <message>
        <source>No translation: language pack %1 is missing.</source>
        <translation>无法翻译：缺少语言包 %1。</translation>
    </message>
    <message>
        <source>restored: %1</source>
        <translation>已还原：%1</translation>
    </message>
    <message>
        <source>added at the end, check where they belong: %1</source>
        <translation>已补在末尾，请检查应放的位置：%1</translation>
    </message>
    <message>
        <source>%1 stray marks removed</source>
        <translation>已删除 %1 个多余标记</translation>
    </message>
    <message>
        <source>glossary terms missing: %1</source>
        <translation>缺少术语表词条：%1</translation>
    </message>
    <message>
        <source>translated around %1, check the word order</source>
        <translation>已绕开 %1 分段翻译，请检查语序</translation>
    </message>
    <message>
        <source>Numbers, links or names were changed by the translation: </source>
        <translation>翻译改动了数字、链接或名称：</translation>
    </message>
</context>
<context>
    <name>CoverageView</name>
    <message>
        <source>Coverage</source>
        <extracomment>(entry id, language, tone): the trainer wants to fill this cell.</extracomment>
        <translation>覆盖情况</translation>
    </message>
    <message>
        <source>Gap: double-click to fill it</source>
        <translation>缺口：双击以补充</translation>
    </message>
    <message>
        <source>Coverage complete.</source>
        <translation>覆盖完整。</translation>
    </message>
    <message>
        <source>%1 gaps in required cells (red).</source>
        <translation>必需单元格中有 %1 处缺口（红色）。</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <source>Phrasebook editor</source>
        <extracomment>a phrasebook was saved to the library (the sidebar rebuilds its suggestions) the library was read (at start-up, in the worker) and is shown the crash draft of the phrasebook just opened was read (and offered, if any) the questions to the trainer (dialogs over this window unless given) the library as read, the phrasebook under edit, the selected entry, undo</extracomment>
        <translation>短语库编辑器</translation>
    </message>
    <message>
        <source>Filter entries…</source>
        <translation>筛选条目…</translation>
    </message>
    <message>
        <source>Filter entries</source>
        <translation>筛选条目</translation>
    </message>
    <message>
        <source>Phrasebooks, scenarios and entries</source>
        <translation>短语库、场景和条目</translation>
    </message>
    <message>
        <source>&amp;Entry</source>
        <translation>条目(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Phrasebook</source>
        <translation>短语库(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Coverage</source>
        <translation>覆盖(&amp;C)</translation>
    </message>
    <message>
        <source>S&amp;tatistics</source>
        <translation>统计(&amp;T)</translation>
    </message>
    <message>
        <source>O&amp;ffer rules</source>
        <translation>优惠规则(&amp;F)</translation>
    </message>
    <message>
        <source>Editing</source>
        <extracomment>the background save and the crash draft; import and export; machine drafts team mode: who changed the selected entry last, in the status bar</extracomment>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;New entry</source>
        <translation>新建条目(&amp;N)</translation>
    </message>
    <message>
        <source>Ne&amp;w phrasebook…</source>
        <translation>新建短语库(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Delete entry</source>
        <translation>删除条目(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Machine draft</source>
        <translation>机器草稿(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>审核通过(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Restore draft</source>
        <translation>恢复草稿</translation>
    </message>
    <message>
        <source>New phrasebook %1: fill in its titles, then save.</source>
        <translation>新短语库 %1：请填写标题，然后保存。</translation>
    </message>
    <message>
        <source>The id %1 is already used.</source>
        <translation>ID %1 已被使用。</translation>
    </message>
    <message>
        <source>Use lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>请使用小写字母、数字、“.”、“_”或“-”。</translation>
    </message>
    <message>
        <source>Id of the new phrasebook (lower-case letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;):</source>
        <translation>新短语库的 ID（小写字母、数字、“.”、“_”、“-”）：</translation>
    </message>
    <message>
        <source>New phrasebook</source>
        <translation>新建短语库</translation>
    </message>
    <message>
        <source> (saving…)</source>
        <translation>（正在保存…）</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>新建条目</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>删除条目</translation>
    </message>
    <message>
        <source>Approve %1</source>
        <extracomment>A line for the status bar.</extracomment>
        <translation>审核通过 %1</translation>
    </message>
    <message>
        <source>Machine translation is not available.</source>
        <translation>机器翻译不可用。</translation>
    </message>
    <message>
        <source>There is no other variant to translate from.</source>
        <translation>没有可用于翻译的其他版本。</translation>
    </message>
    <message>
        <source>Translating…</source>
        <translation>正在翻译…</translation>
    </message>
    <message>
        <source>Machine draft %1</source>
        <translation>机器草稿 %1</translation>
    </message>
    <message>
        <source>Machine draft added; approve it once checked.</source>
        <translation>已添加机器草稿；检查后请审核通过。</translation>
    </message>
    <message>
        <source>Could not translate: %1</source>
        <translation>无法翻译：%1</translation>
    </message>
    <message>
        <source>Already saving…</source>
        <extracomment>A save started or ended (see :attr:`saving`). The library was read back after a save (``document.books`` is new). A save went through: the library changed (the sidebar rebuilds). The unsaved new phrasebook was discarded: nothing is under edit now. A line for the status bar. the snapshot being saved in a worker (None: no save running) what to do once the running save succeeded (close, open another phrasebook...)</extracomment>
        <translation>正在保存中…</translation>
    </message>
    <message>
        <source>Not saved: %1 problem(s), e.g. %2</source>
        <translation>未保存：%1 个问题，例如 %2</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved the earlier version; the edits since are not saved yet.</source>
        <translation>已保存之前的版本；之后的修改尚未保存。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>The phrasebook could not be saved; your edits are kept.

%1</source>
        <translation>短语库未能保存；您的修改已保留。

%1</translation>
    </message>
    <message>
        <source>Saving… (this goes on once the phrasebook is saved)</source>
        <translation>正在保存…（保存完成后将继续）</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to this phrasebook?</source>
        <translation>保存对此短语库的更改吗？</translation>
    </message>
    <message>
        <source>Unsaved edits of %1 were left from last time. Restore them?</source>
        <translation>上次有 %1 的未保存编辑，要恢复吗？</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>未导入：%1</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>已导入 %1。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <extracomment>decides on an import once its plan is read (by default the preview dialog) the most problems a refused file lists (a hostile file can have millions) An import or its preview is running (True) or over (False): edits wait. An import is over: True when it was applied, False when declined or failed. An import was applied; the phrasebook to edit now (the argument). An export is over: True when the file was written, False when it failed. The library changed (the sidebar rebuilds). A line for the status bar.</extracomment>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>The file has %1 problem(s); nothing was imported. Fix them and import again.</source>
        <translation>文件有 %1 个问题，未导入任何内容。请修正后重新导入。</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <source>Import phrasebook</source>
        <translation>导入短语库</translation>
    </message>
    <message>
        <source>Phrasebooks (*.yaml *.yml *.csv *.xlsx)</source>
        <translation>短语库 (*.yaml *.yml *.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Export phrasebook</source>
        <translation>导出短语库</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv);;YAML (*.yaml)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv);;YAML (*.yaml)</translation>
    </message>
    <message>
        <source>Reading the phrasebooks…</source>
        <translation>正在读取短语库…</translation>
    </message>
    <message>
        <source>Could not load the phrasebooks: %1</source>
        <translation>无法加载短语库：%1</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>Entry id</source>
        <extracomment>a house-style warning: worth a look, but it does not stop a save (field, value): a text field of the entry changed (see model.set_field). (language, tone, text): a variant cell changed.</extracomment>
        <translation>条目 ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>置顶</translation>
    </message>
    <message>
        <source>Gloss (%1)</source>
        <translation>释义（%1）</translation>
    </message>
    <message>
        <source>Note body (%1)</source>
        <translation>备注内容（%1）</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>客户分组</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <source>keywords (; separated)</source>
        <translation>关键词（用 ; 分隔）</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>各语言版本</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Problems (saving is refused while there are any):</source>
        <translation>问题（存在问题时无法保存）：</translation>
    </message>
    <message>
        <source>Gap: no %1 text in %2</source>
        <translation>缺口：没有%2的%1文本</translation>
    </message>
    <message>
        <source>Machine draft, not vetted yet: approve it when checked</source>
        <translation>机器草稿，尚未审核：检查后请审核通过</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Internal error (%1); the details are in the log.</source>
        <translation>内部错误（%1）；详细信息已写入日志。</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
</context>
<context>
    <name>FillDialog</name>
    <message>
        <source>Fill in the reply</source>
        <translation>填写回复</translation>
    </message>
    <message>
        <source>&amp;Copy reply</source>
        <translation>复制回复(&amp;C)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Choose the date</source>
        <translation>选择日期</translation>
    </message>
    <message>
        <source>Choose the date (Alt+Down)</source>
        <translation>选择日期（Alt+下箭头）</translation>
    </message>
    <message>
        <source>date: 2026-11-28 or Nov 28</source>
        <translation>日期：2026-11-28 或 11月28日</translation>
    </message>
    <message>
        <source>Fill in to copy: %1</source>
        <translation>填写后才能复制：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>write a date: 2026-11-28, 11月28日 or Nov 28 (7/3 is ambiguous)</source>
        <translation>请写日期：2026-11-28、11月28日 或 Nov 28（7/3 有歧义）</translation>
    </message>
    <message>
        <source>there is no such day</source>
        <translation>没有这一天</translation>
    </message>
    <message>
        <source>write an amount: 19.90, or 19.90 EUR in another currency</source>
        <translation>请写金额：19.90；其他币种写 19.90 EUR</translation>
    </message>
    <message>
        <source>write a duration with its unit: 3 days, 3-5 days, 48 hours</source>
        <translation>请写带单位的时长：3 days、3-5 days、48 hours</translation>
    </message>
    <message>
        <source>write a number in digits: 14, or a range 5-7</source>
        <translation>请用数字：14，或范围 5-7</translation>
    </message>
    <message>
        <source>e.g. 3-5 days, 48 hours</source>
        <translation>例如 3-5 天、48 小时</translation>
    </message>
    <message>
        <source>amount: 19.90</source>
        <translation>金额：19.90</translation>
    </message>
    <message>
        <source>number: 14</source>
        <translation>数字：14</translation>
    </message>
</context>
<context>
    <name>GlobalHotkey</name>
    <message>
        <source>The global hotkey %1 does not work here (%2); the sidebar works without it.</source>
        <translation>全局快捷键 %1 在此无法使用（%2）；侧边栏无需它也能正常工作。</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>new phrasebook</source>
        <translation>新短语库</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未更改</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import preview</source>
        <translation>导入预览</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>Apply all</source>
        <translation>全部应用</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Script conversion (%1, no translation)</source>
        <translation>简繁转换（%1，未经机器翻译）</translation>
    </message>
    <message>
        <source>Machine translation (%1)</source>
        <translation>机器翻译（%1）</translation>
    </message>
    <message>
        <source>No translation: language pack %1 is missing (route %2). Install: %3</source>
        <translation>无法翻译：缺少语言包 %1（路线 %2）。安装命令：%3</translation>
    </message>
    <message>
        <source>Translation failed: %1</source>
        <translation>翻译失败：%1</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <source>reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>agent note</source>
        <translation>客服备注</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>西班牙语</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>葡萄牙语</translation>
    </message>
    <message>
        <source>German</source>
        <translation>德语</translation>
    </message>
    <message>
        <source>French</source>
        <translation>法语</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>意大利语</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>荷兰语</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>波兰语</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>土耳其语</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>俄语</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>阿拉伯语</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日语</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韩语</translation>
    </message>
    <message>
        <source>Chinese (Simplified)</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Chinese (Traditional)</source>
        <translation>繁体中文</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>泰语</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>越南语</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>印尼语</translation>
    </message>
    <message>
        <source>Malay</source>
        <translation>马来语</translation>
    </message>
    <message>
        <source>Filipino</source>
        <translation>菲律宾语</translation>
    </message>
</context>
<context>
    <name>LikelyNextChip</name>
    <message>
        <source>Likely next: %1</source>
        <extracomment>The agent wants the prepared reply (a ``Suggestion``) in the list.</extracomment>
        <translation>可能接着问：%1</translation>
    </message>
    <message>
        <source>%1 Click to put the prepared reply at the top.</source>
        <translation>%1 点击可把准备好的回复放到最上面。</translation>
    </message>
</context>
<context>
    <name>MessagePanel</name>
    <message>
        <source>%1 (set by you)</source>
        <extracomment>The notes&apos; height when first shown; the sidebar&apos;s splitter gives them more.</extracomment>
        <translation>%1（您设定）</translation>
    </message>
    <message>
        <source>Not recognised, using %1</source>
        <translation>未识别，使用%1</translation>
    </message>
    <message>
        <source>%1 (from the conversation)</source>
        <translation>%1（根据对话）</translation>
    </message>
    <message>
        <source>%1 or %2?</source>
        <translation>%1还是%2？</translation>
    </message>
    <message>
        <source>%1? (%2, unsure)</source>
        <translation>%1？（%2，不确定）</translation>
    </message>
    <message>
        <source>Paste the customer&apos;s message here</source>
        <extracomment>The message to analyse (debounced; never emitted while an input method composes). The agent&apos;s overrides; an empty string means &quot;automatic&quot;.</extracomment>
        <translation>在此粘贴客户的消息</translation>
    </message>
    <message>
        <source>Customer message</source>
        <translation>客户消息</translation>
    </message>
    <message>
        <source>Customer &amp;message</source>
        <translation>客户消息(&amp;M)</translation>
    </message>
    <message>
        <source>Customer language</source>
        <translation>客户语言</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Auto region</source>
        <translation>自动地区</translation>
    </message>
    <message>
        <source>Reply tone</source>
        <translation>回复语气</translation>
    </message>
    <message>
        <source>Auto tone</source>
        <translation>自动语气</translation>
    </message>
    <message>
        <source>Customer country (two-letter code)</source>
        <translation>客户国家（两字母代码）</translation>
    </message>
    <message>
        <source>Two-letter country code, e.g. MX; empty = guess</source>
        <translation>两字母国家代码，如 MX；留空则自动推测</translation>
    </message>
    <message>
        <source>Customer segment</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Segment unknown</source>
        <translation>类型未知</translation>
    </message>
    <message>
        <source>Message in your language</source>
        <translation>消息译文</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>地区(&amp;R)</translation>
    </message>
    <message>
        <source>C&amp;ustomer</source>
        <translation>客户(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Value</source>
        <translation>金额(&amp;V)</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source> (guess)</source>
        <translation>（推测）</translation>
    </message>
    <message>
        <source>%1 tone (set by you)</source>
        <translation>%1语气（您设定）</translation>
    </message>
    <message>
        <source>%1 tone</source>
        <translation>%1语气</translation>
    </message>
    <message>
        <source>No language or country known: the default region</source>
        <translation>语言和国家都未知：使用默认地区</translation>
    </message>
    <message>
        <source>Country %1, set by you</source>
        <translation>国家 %1（由你设定）</translation>
    </message>
    <message>
        <source>Default country %1 for %2</source>
        <translation>%2 的默认国家 %1</translation>
    </message>
    <message>
        <source> (a guess: the language is spoken in several regions)</source>
        <translation>（推测：该语言在多个地区使用）</translation>
    </message>
    <message>
        <source>none recognised: search the phrasebooks below</source>
        <translation>未识别：请在下方搜索话术库</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Agent no&amp;tes (%1)</source>
        <translation>客服备注(&amp;T)（%1）</translation>
    </message>
</context>
<context>
    <name>MissingPackButton</name>
    <message>
        <source>Get language pack %1…</source>
        <translation>获取语言包 %1…</translation>
    </message>
    <message>
        <source>Open Language packs on this pack to download or install it</source>
        <translation>在“语言包”中打开此语言包，以下载或安装</translation>
    </message>
</context>
<context>
    <name>Offer</name>
    <message>
        <source>scenario %1</source>
        <translation>场景：%1</translation>
    </message>
    <message>
        <source>%1 customer</source>
        <translation>%1客户</translation>
    </message>
    <message>
        <source>region %1</source>
        <translation>地区：%1</translation>
    </message>
    <message>
        <source>spent this year %1</source>
        <translation>近一年消费 %1</translation>
    </message>
    <message>
        <source>order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <source>, at least %1</source>
        <translation>，不低于 %1</translation>
    </message>
    <message>
        <source>, below %1</source>
        <translation>，低于 %1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>OfferRulesView</name>
    <message>
        <source>Offer rules, in the order they are tried</source>
        <extracomment>the rules were saved (or reset to the bundled ones): suggestions must be rebuilt one line for the status bar the rules in force were read and are shown the regions of ``resources/regions.yaml``, for their names</extracomment>
        <translation>优惠规则（按尝试顺序）</translation>
    </message>
    <message>
        <source>&amp;Add rule</source>
        <translation>添加规则(&amp;A)</translation>
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
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Save &amp;rules</source>
        <translation>保存规则(&amp;R)</translation>
    </message>
    <message>
        <source>Use the &amp;bundled rules</source>
        <translation>改用内置规则(&amp;B)</translation>
    </message>
    <message>
        <source>Rule &amp;id</source>
        <translation>规则 ID(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Offer reply</source>
        <translation>优惠回复(&amp;O)</translation>
    </message>
    <message>
        <source>Note for the agent (Chinese)</source>
        <translation>给坐席的说明（中文）</translation>
    </message>
    <message>
        <source>Note for the agent (English)</source>
        <translation>给坐席的说明（英文）</translation>
    </message>
    <message>
        <source>Scenarios (any of)</source>
        <translation>场景（任一）</translation>
    </message>
    <message>
        <source>Segments (any of)</source>
        <translation>客户类型（任一）</translation>
    </message>
    <message>
        <source>Only in regions</source>
        <translation>仅限地区</translation>
    </message>
    <message>
        <source>Not in regions</source>
        <translation>排除地区</translation>
    </message>
    <message>
        <source>Order value</source>
        <translation>订单金额</translation>
    </message>
    <message>
        <source>Spent in 12 months</source>
        <translation>近12个月消费</translation>
    </message>
    <message>
        <source>at least, e.g. 30 USD</source>
        <translation>不低于，如 30 USD</translation>
    </message>
    <message>
        <source>below, e.g. 200 USD</source>
        <translation>低于，如 200 USD</translation>
    </message>
    <message>
        <source>%1: at least</source>
        <translation>%1：不低于</translation>
    </message>
    <message>
        <source>%1: below</source>
        <translation>%1：低于</translation>
    </message>
    <message>
        <source>Rule id</source>
        <translation>规则 ID</translation>
    </message>
    <message>
        <source>Offer reply</source>
        <translation>优惠回复</translation>
    </message>
    <message>
        <source>This team&apos;s rules (%1)</source>
        <translation>本团队的规则（%1）</translation>
    </message>
    <message>
        <source>The bundled rules (saving makes them this team&apos;s own)</source>
        <translation>内置规则（保存后即成为本团队自己的规则）</translation>
    </message>
    <message>
        <source>Offer rules</source>
        <translation>优惠规则</translation>
    </message>
    <message>
        <source>Could not read the rules: %1</source>
        <translation>无法读取规则：%1</translation>
    </message>
    <message>
        <source>Offer rules saved.</source>
        <translation>优惠规则已保存。</translation>
    </message>
    <message>
        <source>The previous rules are in %1.</source>
        <translation>之前的规则已备份到 %1。</translation>
    </message>
    <message>
        <source>The rules were not saved (your edits are kept): %1</source>
        <translation>规则未保存（您的修改仍保留）：%1</translation>
    </message>
    <message>
        <source>The rules were not saved (your edits are kept):</source>
        <translation>规则未保存（您的修改仍保留）：</translation>
    </message>
    <message>
        <source>Offer rules not saved: %1 problem(s).</source>
        <translation>优惠规则未保存：%1 个问题。</translation>
    </message>
</context>
<context>
    <name>OrderValueField</name>
    <message>
        <source>Order value, e.g. 25 USD</source>
        <extracomment>A valid value as typed (&quot;25 USD&quot;), or &quot;&quot; when the agent cleared it. how the core&apos;s money parser names this value in its messages</extracomment>
        <translation>订单金额，例如 25 USD</translation>
    </message>
    <message>
        <source>Order value</source>
        <translation>订单金额</translation>
    </message>
    <message>
        <source>Value of the order in question; the offer rules use it</source>
        <translation>相关订单的金额；补偿规则会用到它</translation>
    </message>
    <message>
        <source>Spent in 12 months, e.g. 30000 USD</source>
        <translation>近12个月消费，如 30000 USD</translation>
    </message>
    <message>
        <source>Spent in the last 12 months</source>
        <translation>近12个月消费额</translation>
    </message>
    <message>
        <source>What the customer spent in the last 12 months; the offer rules use it</source>
        <translation>客户近12个月的消费额；优惠规则会用到</translation>
    </message>
    <message>
        <source>age ?</source>
        <extracomment>Days since the order, or -1 when the agent cleared it (unknown).</extracomment>
        <translation>天数 ?</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Days since the order</source>
        <translation>下单后的天数</translation>
    </message>
    <message>
        <source>Days since the order was placed; the likely-next hints use it</source>
        <translation>下单后已过的天数；“可能接着问”提示会用到它</translation>
    </message>
</context>
<context>
    <name>PacksDialog</name>
    <message>
        <source>Language packs</source>
        <translation>语言包</translation>
    </message>
    <message>
        <source>Language packs translate customer messages offline. Packs from the argos index translate to and from English; other pairs go through English.</source>
        <translation>语言包用于离线翻译客户消息。argos 索引中的语言包只在英语和其他语言之间互译；其他语言对经由英语中转。</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>语言包</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation>自检</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Installed language packs</source>
        <translation>已安装的语言包</translation>
    </message>
    <message>
        <source>No language pack is installed yet.</source>
        <translation>尚未安装任何语言包。</translation>
    </message>
    <message>
        <source>&amp;Install from file…</source>
        <translation>从文件安装(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Self-test</source>
        <translation>自检(&amp;S)</translation>
    </message>
    <message>
        <source>Translate order numbers, amounts, links, emoji… with the selected pack (or all) and show what survives</source>
        <translation>用所选语言包（或全部）翻译订单号、金额、链接、表情符号等，并显示哪些保持不变</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>源语言(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>目标语言(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Download…</source>
        <translation>下载(&amp;D)…</translation>
    </message>
    <message>
        <source>Download the pack from the argos index (online)</source>
        <translation>从 argos 索引下载语言包（需要联网）</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>下载进度</translation>
    </message>
    <message>
        <source>&amp;Cancel download</source>
        <translation>取消下载(&amp;C)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>no README</source>
        <translation>无说明文件</translation>
    </message>
    <message>
        <source>not stated in its README</source>
        <translation>说明文件中未注明</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>As the pack&apos;s own README states it: argos packs carry no licence field (see docs/packs.md)</source>
        <translation>以语言包自带的说明文件（README）为准：argos 语言包本身没有许可证字段（见 docs/packs.md）</translation>
    </message>
    <message>
        <source>SHA-256 of the installed file (%1 bytes): %2</source>
        <translation>所安装文件的 SHA-256（%1 字节）：%2</translation>
    </message>
    <message>
        <source>Installed before chatassist recorded checksums</source>
        <translation>安装于 chatassist 开始记录校验和之前</translation>
    </message>
    <message>
        <source>Broken folder: %1</source>
        <translation>损坏的文件夹：%1</translation>
    </message>
    <message>
        <source>Not a valid pack; it is skipped. Delete %1 or install the pack again.</source>
        <translation>这不是有效的语言包，已跳过。请删除 %1 或重新安装该语言包。</translation>
    </message>
    <message>
        <source>Installing %1…</source>
        <translation>正在安装 %1…</translation>
    </message>
    <message>
        <source>Remove the language pack %1?</source>
        <translation>删除语言包 %1？</translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation>正在删除 %1…</translation>
    </message>
    <message>
        <source>Choose two different languages.</source>
        <translation>请选择两种不同的语言。</translation>
    </message>
    <message>
        <source>Downloading the pack index…</source>
        <translation>正在下载语言包索引…</translation>
    </message>
    <message>
        <source>Testing %1 pack(s)…</source>
        <translation>正在测试 %1 个语言包…</translation>
    </message>
    <message>
        <source>Self-test: %1 case(s) lost a token; see the list.</source>
        <translation>自检：%1 个用例丢失了标记，请查看列表。</translation>
    </message>
    <message>
        <source>Self-test: no token was lost. Repaired tokens were put back by chatassist; reported ones are shown to the agent.</source>
        <translation>自检：没有丢失任何标记。“已修复”的标记由 chatassist 放回原处；“已报告”的会提示客服。</translation>
    </message>
    <message>
        <source>%1 kept</source>
        <translation>%1 个保持</translation>
    </message>
    <message>
        <source>%1 repaired</source>
        <translation>%1 个已修复</translation>
    </message>
    <message>
        <source>%1 reported</source>
        <translation>%1 个已报告</translation>
    </message>
    <message>
        <source>%1 lost</source>
        <translation>%1 个丢失</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Downloading… %1 of %2</source>
        <translation>正在下载… %1 / %2</translation>
    </message>
    <message>
        <source>Installed %1 (version %2).</source>
        <translation>已安装 %1（版本 %2）。</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>Download cancelled; nothing was installed.</source>
        <translation>下载已取消，未安装任何内容。</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <source>Install a language pack</source>
        <translation>安装语言包</translation>
    </message>
    <message>
        <source>Argos packs (*.argosmodel)</source>
        <translation>Argos 语言包 (*.argosmodel)</translation>
    </message>
    <message>
        <source>Remove language pack</source>
        <translation>删除语言包</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>物流单号</translation>
    </message>
    <message>
        <source>Tracking link</source>
        <translation>物流查询链接</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>Estimated date</source>
        <translation>预计日期</translation>
    </message>
    <message>
        <source>Product name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Refund amount</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Refund days</source>
        <translation>退款天数</translation>
    </message>
    <message>
        <source>Refund date</source>
        <translation>退款日期</translation>
    </message>
    <message>
        <source>Return days</source>
        <translation>退货天数</translation>
    </message>
    <message>
        <source>Update hours</source>
        <translation>更新小时数</translation>
    </message>
    <message>
        <source>Update days</source>
        <translation>更新天数</translation>
    </message>
    <message>
        <source>Coupon amount</source>
        <translation>优惠券金额</translation>
    </message>
    <message>
        <source>Restock date</source>
        <translation>补货日期</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <source>New address</source>
        <translation>新地址</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>支付方式</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ReplyCard</name>
    <message>
        <source>Copy</source>
        <extracomment>Up (-1) or Down (+1) pressed on the card. the regions of ``resources/regions.yaml``, to name them in offer reasons</extracomment>
        <translation>复制</translation>
    </message>
    <message>
        <source>machine translation</source>
        <translation>机器翻译</translation>
    </message>
    <message>
        <source>vetted</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>hot</source>
        <translation>常用</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>置顶</translation>
    </message>
    <message>
        <source>general</source>
        <translation>通用</translation>
    </message>
    <message>
        <source>offer</source>
        <translation>补偿方案</translation>
    </message>
    <message>
        <source>Offer rule: %1</source>
        <translation>补偿规则：%1</translation>
    </message>
    <message>
        <source>Translating from %1…</source>
        <translation>正在从%1翻译…</translation>
    </message>
    <message>
        <source>Copy this reply (%1)</source>
        <translation>复制这条回复（%1）</translation>
    </message>
    <message>
        <source>Reply %1: %2</source>
        <translation>回复 %1：%2</translation>
    </message>
</context>
<context>
    <name>ResponseClock</name>
    <message>
        <source>urgent</source>
        <extracomment>Someone&apos;s time changed (every tick while anyone waits, and on start/stop). Who waits changed (arrival, urgency, answer): the customer list&apos;s order may change. A customer was answered: the response time (``ResponseTime``) to record.</extracomment>
        <translation>紧急</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Response clock</source>
        <translation>响应计时</translation>
    </message>
    <message>
        <source>Time since the customer&apos;s message arrived: amber at %1 s, red at %2 s</source>
        <translation>客户消息到达后已等待的时间：%1 秒变黄，%2 秒变红</translation>
    </message>
</context>
<context>
    <name>Scenario</name>
    <message>
        <source>Greeting</source>
        <translation>问候</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>结束对话</translation>
    </message>
    <message>
        <source>Hold on</source>
        <translation>请稍等</translation>
    </message>
    <message>
        <source>Order status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <source>Shipping delay</source>
        <translation>物流延误</translation>
    </message>
    <message>
        <source>Customs and tax</source>
        <translation>清关与税费</translation>
    </message>
    <message>
        <source>Not received</source>
        <translation>未收到货</translation>
    </message>
    <message>
        <source>Damaged item</source>
        <translation>商品损坏</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>发错货</translation>
    </message>
    <message>
        <source>Refund request</source>
        <translation>申请退款</translation>
    </message>
    <message>
        <source>Refund status</source>
        <translation>退款进度</translation>
    </message>
    <message>
        <source>Return or exchange</source>
        <translation>退换货</translation>
    </message>
    <message>
        <source>Size and fit</source>
        <translation>尺码问题</translation>
    </message>
    <message>
        <source>Product fault</source>
        <translation>商品故障</translation>
    </message>
    <message>
        <source>Product question</source>
        <translation>商品咨询</translation>
    </message>
    <message>
        <source>Product safety</source>
        <translation>商品安全</translation>
    </message>
    <message>
        <source>Payment issue</source>
        <translation>支付问题</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <source>Address change</source>
        <translation>修改地址</translation>
    </message>
    <message>
        <source>Invoice and VAT</source>
        <translation>发票与增值税</translation>
    </message>
    <message>
        <source>Points and coupons</source>
        <translation>积分与优惠券</translation>
    </message>
    <message>
        <source>Complaint, escalation</source>
        <translation>投诉升级</translation>
    </message>
    <message>
        <source>Stock availability</source>
        <translation>库存到货</translation>
    </message>
</context>
<context>
    <name>Segment</name>
    <message>
        <source>new</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>returning</source>
        <translation>老客户</translation>
    </message>
    <message>
        <source>high value</source>
        <translation>高价值客户</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Keep the sidebar &amp;above other windows</source>
        <translation>侧边栏保持在其他窗口之上(&amp;A)</translation>
    </message>
    <message>
        <source>Use text I &amp;copy in other programs as the customer message</source>
        <translation>把我在其他程序中复制的文字作为客户消息(&amp;C)</translation>
    </message>
    <message>
        <source>Global &amp;hotkey: bring the sidebar forward from any program and analyse the clipboard</source>
        <translation>全局快捷键(&amp;H)：在任何程序中调出侧边栏并分析剪贴板</translation>
    </message>
    <message>
        <source>Global hotkey</source>
        <translation>全局快捷键</translation>
    </message>
    <message>
        <source>On macOS the hotkey needs the Accessibility permission: System Settings → Privacy &amp; Security → Accessibility → allow chatassist. On Linux it needs an X11 session (not Wayland).</source>
        <translation>在 macOS 上，快捷键需要“辅助功能”权限：系统设置 → 隐私与安全性 → 辅助功能 → 允许 chatassist。在 Linux 上需要 X11 会话（不支持 Wayland）。</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>The database, settings and language packs live here. To use another folder, start chatassist with --data-dir FOLDER (or set CHATASSIST_DATA_DIR); it takes effect on the next start.</source>
        <translation>数据库、设置和语言包都保存在这里。如需使用其他文件夹，请用 --data-dir 文件夹 启动 chatassist（或设置 CHATASSIST_DATA_DIR），下次启动时生效。</translation>
    </message>
    <message>
        <source>The interface language changes on the next start.</source>
        <translation>界面语言在下次启动时生效。</translation>
    </message>
    <message>
        <source>&amp;Agent language (glosses, translations)</source>
        <translation>客服语言（释义、译文）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Interface language</source>
        <translation>界面语言(&amp;I)</translation>
    </message>
    <message>
        <source>Hotkey</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>&amp;Font size</source>
        <translation>字号(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Suggested replies</source>
        <translation>推荐回复数(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language packs…</source>
        <translation>语言包(&amp;L)…</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>The hotkey needs Ctrl, Alt or Meta: a single key would be taken away from every other program.</source>
        <translation>快捷键需要包含 Ctrl、Alt 或 Meta：单个按键会让其他所有程序无法使用该键。</translation>
    </message>
    <message>
        <source>The hotkey needs Ctrl, Alt or Meta: with Shift alone it would take a typed character.</source>
        <translation>快捷键需要包含 Ctrl、Alt 或 Meta：只用 Shift 会占用输入的字符。</translation>
    </message>
    <message>
        <source>This key cannot be used for the hotkey.</source>
        <translation>此按键不能用作快捷键。</translation>
    </message>
    <message>
        <source>Press a key combination for the hotkey.</source>
        <translation>请按下用作快捷键的组合键。</translation>
    </message>
    <message>
        <source>Female (Thai ค่ะ)</source>
        <translation>女（泰语用 ค่ะ）</translation>
    </message>
    <message>
        <source>Male (Thai ครับ)</source>
        <translation>男（泰语用 ครับ）</translation>
    </message>
    <message>
        <source>&amp;Your gender (polite words in replies)</source>
        <translation>您的性别（回复中的礼貌用语）(&amp;Y)</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Message cleared (Ctrl+Z brings it back).</source>
        <translation>消息已清空（按 Ctrl+Z 恢复）。</translation>
    </message>
    <message>
        <source>Loading phrasebooks and language detection…</source>
        <extracomment>A reply (or composed text) was put on the clipboard. New results are on screen (analysis, search or translation). Ctrl+E: the trainers&apos; phrasebook editor should open (the composition root opens it). The language packs dialog should open over the widget given (the settings dialog). A missing pack was asked for: open the packs dialog over the widget on this pair (argos codes) and download it. The agent saved the settings dialog (after the sidebar applied them). what the parts read: services, the shown analysis, the customers each customer&apos;s waiting time; one id per sidebar run for the statistics switching customers and their context; copying replies and drafts; the list the shown message analysed; the message and the draft translated</extracomment>
        <translation>正在加载话术库和语言识别…</translation>
    </message>
    <message>
        <source>Recent customers</source>
        <translation>最近的客户</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新客户(&amp;N)</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Start a fresh customer (Ctrl+N)</source>
        <translation>开始接待新客户（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,); phrasebook editor: Ctrl+E</source>
        <translation>设置（Ctrl+,）；短语库编辑器：Ctrl+E</translation>
    </message>
    <message>
        <source>Repl&amp;ies</source>
        <translation>回复(&amp;I)</translation>
    </message>
    <message>
        <source>Com&amp;pose</source>
        <translation>撰写(&amp;P)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>chatassist was not closed properly last time; a full check found the library whole. Ready.</source>
        <translation>chatassist 上次未正常关闭；完整检查确认短语库完好。已就绪。</translation>
    </message>
    <message>
        <source>Ready. Paste a customer message.</source>
        <translation>就绪。请粘贴客户消息。</translation>
    </message>
    <message>
        <source>Could not load the phrasebooks: %1</source>
        <translation>无法加载话术库：%1</translation>
    </message>
    <message>
        <source>Translation is unavailable: %1</source>
        <translation>翻译不可用：%1</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
    <message>
        <source>Translation engine is starting…</source>
        <extracomment>An analysis is about to be shown (the argument): the response clock classifies it. The customer&apos;s language or region as last seen changed: the customers list redraws. New results are on screen (analysis or translation). A job for what is on screen failed (the exception; stale failures never come). A line for the status bar. the conversation&apos;s language after the shown analysis (kept once answered)</extracomment>
        <translation>翻译引擎正在启动…</translation>
    </message>
    <message>
        <source>Translating…</source>
        <translation>正在翻译…</translation>
    </message>
    <message>
        <source>Could not save the customers list: %1</source>
        <translation>无法保存客户列表：%1</translation>
    </message>
    <message>
        <source>Search results</source>
        <extracomment>New results are on screen (a search, or a reply&apos;s translation). A search failed (the exception).</extracomment>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Nothing found in the phrasebooks.</source>
        <translation>话术库中没有找到。</translation>
    </message>
    <message>
        <source>Suggested replies</source>
        <translation>推荐回复</translation>
    </message>
    <message>
        <source>No scenario recognised: search the phrasebooks (Ctrl+K).</source>
        <translation>未识别出场景：请搜索话术库（Ctrl+K）。</translation>
    </message>
    <message>
        <source>Paste a message to see replies.</source>
        <translation>粘贴消息后显示推荐回复。</translation>
    </message>
    <message>
        <source>Machine translation is starting…</source>
        <translation>机器翻译正在启动…</translation>
    </message>
    <message>
        <source>Reply %1 is still being translated.</source>
        <extracomment>A reply (or the translated draft) was put on the clipboard. The shown message was answered: its language now counts for the conversation. The placeholder form filled in the customer&apos;s details (name, order number...). A line for the status bar. the open placeholder form, if any (one at a time)</extracomment>
        <translation>回复 %1 仍在翻译中。</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>已复制：%1</translation>
    </message>
    <message>
        <source>Nothing to copy yet.</source>
        <translation>还没有可复制的内容。</translation>
    </message>
    <message>
        <source>Copied your translated reply.</source>
        <translation>已复制您的回复译文。</translation>
    </message>
    <message>
        <source>New customer.</source>
        <extracomment>The shown customer is about to be left: their message counts as answered. Another customer (the argument) is shown: results for the previous one are stale. The message (the argument) should be analysed (again). A line for the status bar. A new customer was started (the agent pastes their message next). Something about the customers changed (the list was redrawn): save them now, so a logout or SIGTERM loses nothing. the regions of ``resources/regions.yaml``, for their names (set with the backend) the list&apos;s order by customer number (the sidebar sets it: waiting, urgent first) a word shown before a customer in the list (&quot;urgent&quot;, &quot;waiting&quot;)</extracomment>
        <translation>已切换到新客户。</translation>
    </message>
    <message>
        <source>Customer %1</source>
        <translation>客户 %1</translation>
    </message>
    <message>
        <source>Sent this session:</source>
        <translation>本次会话已发送：</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <source>Week</source>
        <extracomment>The counts were read again and the lists show them. An export (usage CSV, chart PNG or CSV) is over: True when the file was written. the regions of ``resources/regions.yaml``, for their names</extracomment>
        <translation>周</translation>
    </message>
    <message>
        <source>all languages</source>
        <translation>所有语言</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>all regions</source>
        <translation>所有地区</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Most used</source>
        <translation>最常用</translation>
    </message>
    <message>
        <source>Least used</source>
        <translation>最少用</translation>
    </message>
    <message>
        <source>Never used</source>
        <translation>从未使用</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Scenarios by region</source>
        <translation>各地区的场景</translation>
    </message>
    <message>
        <source>Replies used</source>
        <translation>已用回复</translation>
    </message>
    <message>
        <source>First responses within 30 s</source>
        <translation>30 秒内首次响应</translation>
    </message>
    <message>
        <source>Export chart PNG…</source>
        <translation>导出图表 PNG…</translation>
    </message>
    <message>
        <source>Export chart CSV…</source>
        <translation>导出图表 CSV…</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>First responses per sidebar session</source>
        <translation>每次侧边栏会话的首次响应</translation>
    </message>
    <message>
        <source>%1: %2 replies, median %3 s, %4 % within 30 s</source>
        <translation>%1：%2 条回复，中位数 %3 秒，%4 % 在 30 秒内</translation>
    </message>
    <message>
        <source>Replies used per week, by region</source>
        <translation>每周已用回复（按地区）</translation>
    </message>
    <message>
        <source>First responses within 30 s per week, by region (%)</source>
        <translation>每周 30 秒内首次响应占比（按地区，%）</translation>
    </message>
    <message>
        <source>Scenarios per week (%1)</source>
        <translation>每周场景（%1）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Export chart data</source>
        <translation>导出图表数据</translation>
    </message>
    <message>
        <source>Could not write %1:</source>
        <translation>无法写入 %1：</translation>
    </message>
    <message>
        <source>all weeks</source>
        <translation>所有周</translation>
    </message>
    <message>
        <source>week of %1</source>
        <translation>%1 当周</translation>
    </message>
    <message>
        <source>Export usage statistics</source>
        <translation>导出使用统计</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>SuggestionsView</name>
    <message>
        <source>Search all phrasebooks (Ctrl+K)</source>
        <extracomment>The search text changed (debounced); empty means &quot;back to the suggestions&quot;.</extracomment>
        <translation>搜索全部话术库（Ctrl+K）</translation>
    </message>
    <message>
        <source>Search all phrasebooks</source>
        <translation>搜索全部话术库</translation>
    </message>
    <message>
        <source>Suggested replies</source>
        <extracomment>the regions of ``resources/regions.yaml`` (set with the backend), for names</extracomment>
        <translation>推荐回复</translation>
    </message>
    <message>
        <source>Paste a message to see replies.</source>
        <translation>粘贴消息后显示推荐回复。</translation>
    </message>
</context>
<context>
    <name>TeamSync</name>
    <message>
        <source>Team library: back online</source>
        <extracomment>The replica now holds a newer library: rebuild what is shown from it. A line for the status bar (synced / offline). A sync finished, changed or not (tests wait on it).</extracomment>
        <translation>团队短语库：已重新连接</translation>
    </message>
    <message>
        <source>Team library warning: %1</source>
        <translation>团队短语库警告：%1</translation>
    </message>
    <message>
        <source>Team library updated to revision %1</source>
        <translation>团队短语库已更新到第 %1 版</translation>
    </message>
    <message>
        <source>Team library offline, working from the local copy: %1</source>
        <translation>团队短语库离线，正在使用本地副本：%1</translation>
    </message>
</context>
<context>
    <name>Tone</name>
    <message>
        <source>direct</source>
        <translation>直接</translation>
    </message>
    <message>
        <source>warm</source>
        <translation>亲切</translation>
    </message>
    <message>
        <source>detailed</source>
        <translation>详尽</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Weekly chart</source>
        <extracomment>Colour-blind-safe palette (Okabe-Ito).</extracomment>
        <translation>每周图表</translation>
    </message>
    <message>
        <source>No data for these weeks yet</source>
        <translation>这几周还没有数据</translation>
    </message>
</context>
</TS>
