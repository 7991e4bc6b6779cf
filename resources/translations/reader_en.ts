<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AnnotationCommands</name>
    <message numerus="yes">
        <location filename="../../reader/ui/annotation_commands.py" line="90"/>
        <source>已给 %n 篇文章加上标签：{}（Ctrl+Z 撤销）</source>
        <translation>
            <numerusform>Tagged %n article with {} (Ctrl+Z undoes)</numerusform>
            <numerusform>Tagged %n articles with {} (Ctrl+Z undoes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/annotation_commands.py" line="118"/>
        <source>导出完成：%n 篇文章。</source>
        <translation>
            <numerusform>Export finished: %n article.</numerusform>
            <numerusform>Export finished: %n articles.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="43"/>
        <source>标签</source>
        <extracomment>a highlight was picked in the list (the Highlight) (title, label, text) → new text or None if cancelled; tests replace it</extracomment>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="45"/>
        <source>笔记</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="48"/>
        <location filename="../../reader/ui/annotation_panel.py" line="112"/>
        <source>划线</source>
        <translation>Highlights</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="111"/>
        <source>划线（{}）</source>
        <translation>Highlights ({})</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="106"/>
        <source>无法读取标签</source>
        <translation>Cannot read the tags</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="128"/>
        <source>无法添加标签</source>
        <translation>Cannot add the tags</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="132"/>
        <source>无法去掉标签</source>
        <translation>Cannot remove the tag</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="144"/>
        <location filename="../../reader/ui/annotation_panel.py" line="146"/>
        <source>笔记没有保存</source>
        <translation>The note was not saved</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="153"/>
        <source>无法划线</source>
        <translation>Cannot add the highlight</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="160"/>
        <source>无法删除划线</source>
        <translation>Cannot delete the highlight</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="162"/>
        <source>划线已删除（Ctrl+Z 撤销）。</source>
        <translation>Highlight deleted (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="170"/>
        <source>划线笔记</source>
        <translation>Highlight Note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="173"/>
        <source>无法保存划线笔记</source>
        <translation>Cannot save the highlight note</translation>
    </message>
    <message>
        <source>无法更改划线颜色</source>
        <translation>Could not change the highlight's colour</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../reader/ui/article_view.py" line="53"/>
        <source>黄色</source>
        <extracomment>The zoom step in points and the zoom limits. The readable measure, in ems of the body text. Where a hit (or a highlight) is brought to: this fraction of the pane&apos;s height from the top. Highlight colours: stored name → (menu label, light background, dark background).</extracomment>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="54"/>
        <source>绿色</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="55"/>
        <source>蓝色</source>
        <translation>Blue</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="56"/>
        <source>粉色</source>
        <translation>Pink</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="103"/>
        <source>在左侧选择一篇文章</source>
        <extracomment>(current hit, 1-based, or 0 before the first step; number of hits) the reader asked to highlight the selection: (start, end, colour) in article text offsets the reader asked to copy the selection with the article&apos;s citation</extracomment>
        <translation>Choose an article on the left</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="287"/>
        <source>复制（附引用）</source>
        <translation>Copy with Citation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="293"/>
        <source>划线（{}）</source>
        <translation>Highlight ({})</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="186"/>
        <source>已更正</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="282"/>
        <source>原文（已更正，可在 更正 → 修改此段文字… 中恢复）：</source>
        <translation>Original (corrected; Corrections → Correct This Paragraph's Text… restores it):</translation>
    </message>
    <message>
        <source>改颜色</source>
        <translation>Change Colour</translation>
    </message>
    <message>
        <source>批注…</source>
        <translation>Note…</translation>
    </message>
    <message>
        <source>删除高亮</source>
        <translation>Delete Highlight</translation>
    </message>
</context>
<context>
    <name>AuthorsDialog</name>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="157"/>
        <source>设置作者</source>
        <translation>Set the Authors</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="159"/>
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="159"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="165"/>
        <source>添加一行</source>
        <translation>Add a Row</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="167"/>
        <source>删除所选行</source>
        <translation>Remove the Selected Rows</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="174"/>
        <source>每行一位作者：身份（如 本报记者、通讯员、摄影）和姓名。</source>
        <translation>One author a row: the role (such as 本报记者, 通讯员, 摄影) and the name.</translation>
    </message>
</context>
<context>
    <name>AuthorsView</name>
    <message>
        <location filename="../../reader/ui/authors_view.py" line="45"/>
        <source>筛选作者</source>
        <extracomment>the author list was read and shown</extracomment>
        <translation>Filter authors</translation>
    </message>
    <message>
        <location filename="../../reader/ui/authors_view.py" line="70"/>
        <source>无法读取作者</source>
        <translation>Cannot read the authors</translation>
    </message>
    <message>
        <location filename="../../reader/ui/authors_view.py" line="115"/>
        <source>无法读取作者的文章</source>
        <translation>Cannot read the author&apos;s articles</translation>
    </message>
</context>
<context>
    <name>ChipBar</name>
    <message>
        <location filename="../../reader/ui/research_page.py" line="67"/>
        <source>去掉这个筛选条件</source>
        <extracomment>the filter token to take out</extracomment>
        <translation>Remove this filter</translation>
    </message>
</context>
<context>
    <name>ConcordanceModel</name>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="53"/>
        <source>左语境</source>
        <extracomment>The columns, their headings and the sort each one&apos;s header click applies.</extracomment>
        <translation>Left context</translation>
    </message>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="54"/>
        <source>检索词</source>
        <translation>Hit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="55"/>
        <source>右语境</source>
        <translation>Right context</translation>
    </message>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="56"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="57"/>
        <source>文章</source>
        <translation>Article</translation>
    </message>
</context>
<context>
    <name>ConcordanceView</name>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="60"/>
        <source>按日期</source>
        <translation>By date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="61"/>
        <source>按左语境</source>
        <translation>By left context</translation>
    </message>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="62"/>
        <source>按右语境</source>
        <translation>By right context</translation>
    </message>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="63"/>
        <source>按检索词</source>
        <translation>By hit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="153"/>
        <source>语境索引</source>
        <extracomment>a line was opened: (article id, start, end) of the occurrence in the article&apos;s text the lines of a query were read and shown</extracomment>
        <translation>Concordance</translation>
    </message>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="164"/>
        <source> 字</source>
        <extracomment>asks where to save (title, suggested name, filter) → path or None; tests replace it</extracomment>
        <translation> chars</translation>
    </message>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="165"/>
        <source>左右语境各取多少字</source>
        <translation>Characters of context on each side</translation>
    </message>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="173"/>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="175"/>
        <source>导出文本…</source>
        <translation>Export text…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="197"/>
        <source>语境</source>
        <translation>Concordance</translation>
    </message>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="210"/>
        <source>语境索引：{}</source>
        <translation>Concordance: {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="219"/>
        <source>正在查找……</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="220"/>
        <source>无法生成语境索引</source>
        <translation>Cannot build the concordance</translation>
    </message>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="229"/>
        <source>这个检索式里没有要查找的词语（只有筛选条件）。</source>
        <translation>This query has no words to look for (only filters).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/concordance_view.py" line="231"/>
        <source>%n 处</source>
        <translation>
            <numerusform>%n occurrence</numerusform>
            <numerusform>%n occurrences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/concordance_view.py" line="231"/>
        <source>，出自 %n 篇文章</source>
        <translation>
            <numerusform> in %n article</numerusform>
            <numerusform> in %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/concordance_view.py" line="233"/>
        <source>（只列出前 %n 处）</source>
        <translation>
            <numerusform> (only the first %n listed)</numerusform>
            <numerusform> (only the first %n listed)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="250"/>
        <location filename="../../reader/ui/concordance_view.py" line="253"/>
        <source>导出语境索引</source>
        <translation>Export concordance</translation>
    </message>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="250"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="253"/>
        <source>文本文件 (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="260"/>
        <source>无法导出语境索引</source>
        <translation>Cannot export the concordance</translation>
    </message>
    <message>
        <location filename="../../reader/ui/concordance_view.py" line="262"/>
        <source>已导出到 {}</source>
        <translation>Exported to {}</translation>
    </message>
</context>
<context>
    <name>Corrections</name>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="45"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="46"/>
        <source>肩题</source>
        <translation>Kicker</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="47"/>
        <source>副题</source>
        <translation>Subtitle</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="48"/>
        <source>署名</source>
        <translation>Byline</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="49"/>
        <source>小标题</source>
        <translation>Subhead</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="50"/>
        <source>图片说明</source>
        <translation>Caption</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="51"/>
        <source>不属于文章</source>
        <translation>Not Part of the Article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="69"/>
        <source>在此段前拆分</source>
        <translation>Split Before This Paragraph</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="71"/>
        <source>与上一篇合并</source>
        <translation>Merge with the Previous Article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="72"/>
        <source>与下一篇合并</source>
        <translation>Merge with the Next Article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="75"/>
        <source>此段移到上一篇</source>
        <translation>Move Paragraph to the Previous Article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="77"/>
        <source>此段移到下一篇</source>
        <translation>Move Paragraph to the Next Article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="79"/>
        <source>修改此段文字…</source>
        <translation>Correct This Paragraph's Text…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="82"/>
        <source>修改标题…</source>
        <translation>Change the Headline…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="83"/>
        <source>修改类型…</source>
        <translation>Change the Kind…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="84"/>
        <source>修改栏目…</source>
        <translation>Change the Column…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="85"/>
        <source>设置作者…</source>
        <translation>Set the Authors…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="89"/>
        <source>此行是</source>
        <translation>This Line Is</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="189"/>
        <source>先打开要更正的文章。</source>
        <translation>Open the article to correct first.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="195"/>
        <source>先在文章正文里点一下要更正的段落。</source>
        <translation>Click the paragraph to correct in the article's text first.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="198"/>
        <source>不能在第一段前拆分：请点在新文章开始的那一段。</source>
        <translation>Cannot split before the first paragraph: click the paragraph the new article starts with.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="204"/>
        <source>无法更改这一行</source>
        <translation>Cannot change this line</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="215"/>
        <source>无法完成更正</source>
        <translation>Cannot make the correction</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="228"/>
        <source>已更正（Ctrl+Z 撤销）。</source>
        <translation>Corrected (Ctrl+Z undoes).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="263"/>
        <source>无法读取原文</source>
        <translation>Cannot read the original text</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="282"/>
        <source>修改栏目</source>
        <translation>Change the Column</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="283"/>
        <source>栏目名称（留空表示没有栏目）：</source>
        <translation>Column name (empty for none):</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="285"/>
        <source>不属于任何栏目</source>
        <translation>In no column</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="288"/>
        <source>无法修改栏目</source>
        <translation>Cannot change the column</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="290"/>
        <source>修改标题</source>
        <translation>Change the Headline</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="291"/>
        <source>这篇文章的标题：</source>
        <translation>The article's headline:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="294"/>
        <source>无法修改标题</source>
        <translation>Cannot change the headline</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="280"/>
        <source>无法修改类型</source>
        <translation>Cannot change the kind</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="300"/>
        <source>无法设置作者</source>
        <translation>Cannot set the authors</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="318"/>
        <source>无法恢复原文</source>
        <translation>Cannot restore the original text</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_commands.py" line="322"/>
        <source>无法修改文字</source>
        <translation>Cannot correct the text</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <location filename="../../reader/ui/import_report.py" line="28"/>
        <source>%n 个文件导入失败，例如 {}：{}</source>
        <translation>
            <numerusform>%n file could not be imported: {}: {}</numerusform>
            <numerusform>%n files could not be imported, for example {}: {}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/import_report.py" line="30"/>
        <source>已导入 %n 个文件</source>
        <translation>
            <numerusform>Imported %n file</numerusform>
            <numerusform>Imported %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/import_report.py" line="31"/>
        <source>，%n 个无变化。</source>
        <translation>
            <numerusform>, %n unchanged.</numerusform>
            <numerusform>, %n unchanged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/import_report.py" line="37"/>
        <source>已导入，%n 篇文章</source>
        <translation>
            <numerusform>imported, %n article</numerusform>
            <numerusform>imported, %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/import_report.py" line="39"/>
        <source>已更新，%n 篇文章</source>
        <translation>
            <numerusform>updated, %n article</numerusform>
            <numerusform>updated, %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/import_report.py" line="55"/>
        <source>共 %n 个文件：导入 {imported}，更新 {updated}，已有 {same}，失败 {failed}。</source>
        <translation>
            <numerusform>%n file: {imported} imported, {updated} updated, {same} already there, {failed} failed.</numerusform>
            <numerusform>%n files: {imported} imported, {updated} updated, {same} already there, {failed} failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/issues_view.py" line="447"/>
        <source>所选的 %n 篇文章</source>
        <translation>
            <numerusform>The %n selected article</numerusform>
            <numerusform>The %n selected articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/page_document.py" line="70"/>
        <source>本版 %n 篇</source>
        <extracomment>The rule between two items. Links of the contents point at `ANCHOR_PREFIX` + the article&apos;s id. document ranges of the search hits, in order</extracomment>
        <translation>
            <numerusform>%n item on this page</numerusform>
            <numerusform>%n items on this page</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/reading_wiring.py" line="85"/>
        <source>共 %n 处</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../reader/ui/crash.py" line="60"/>
        <source>Reader 出了问题，但没有退出；详情已写入日志文件：{0}</source>
        <extracomment>Where crash logs go when no library folder is known yet.</extracomment>
        <translation>Something went wrong in Reader, but it kept running; the details are in the log file {0}</translation>
    </message>
</context>
<context>
    <name>DateJump</name>
    <message>
        <location filename="../../reader/ui/date_jump.py" line="28"/>
        <source>zh_CN</source>
        <extracomment>The calendar&apos;s locale follows the interface language (the English translation says en_US).</extracomment>
        <translation>en_US</translation>
    </message>
    <message>
        <location filename="../../reader/ui/date_jump.py" line="87"/>
        <source>这一天有报纸</source>
        <extracomment>a day was chosen (ISO date)</extracomment>
        <translation>This day has issues</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/date_jump.py" line="94"/>
        <source>%n 天有报纸（{} 至 {}），以粗体标出</source>
        <translation>
            <numerusform>%n day has an issue ({} to {}), shown in bold</numerusform>
            <numerusform>%n days have issues ({} to {}), shown in bold</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/date_jump.py" line="97"/>
        <source>书库中还没有注明具体日期的报纸</source>
        <translation>No issue in the library has an exact date yet</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>没有编号为 {id} 的文章。</source>
        <translation>No article with id {id}.</translation>
    </message>
    <message>
        <source>没有编号为 {id} 的一期。</source>
        <translation>No issue with id {id}.</translation>
    </message>
    <message>
        <source>没有编号为 {id} 的版面。</source>
        <translation>No page with id {id}.</translation>
    </message>
    <message>
        <source>没有名为“{name}”的报纸。</source>
        <translation>No paper named “{name}”.</translation>
    </message>
    <message>
        <source>报纸需要一个名字。</source>
        <translation>A paper needs a name.</translation>
    </message>
    <message>
        <source>“{number}”不是版次：请填从 1 起的整数。</source>
        <translation>“{number}” is not a page number: use a whole number from 1.</translation>
    </message>
    <message>
        <source>没有要改的内容：请至少填写一项。</source>
        <translation>Nothing to change: give at least one field to set.</translation>
    </message>
    <message>
        <source>没有编号为 {id} 的划线。</source>
        <translation>No highlight with id {id}.</translation>
    </message>
    <message>
        <source>没有名为“{name}”的标签。</source>
        <translation>No tag named “{name}”.</translation>
    </message>
    <message>
        <source>没有名为“{name}”的收藏检索。</source>
        <translation>No saved search named “{name}”.</translation>
    </message>
    <message>
        <source>没有编号为 {id} 的更正。</source>
        <translation>No correction with id {id}.</translation>
    </message>
    <message>
        <source>没有可以撤销的更正。</source>
        <translation>There is no correction to undo.</translation>
    </message>
    <message>
        <source>文章 {id} 没有第 {number} 段：它共有 {count} 段。</source>
        <translation>Article {id} has no paragraph {number}: it has {count}.</translation>
    </message>
    <message>
        <source>文章 {id} 本来就从第 1 段开始：请在后面的段落前拆分。</source>
        <translation>Article {id} already starts with paragraph 1: split before a later paragraph.</translation>
    </message>
    <message>
        <source>文章 {id} 在本版上没有{direction}一篇文章。</source>
        <translation>Article {id} has no {direction} article on its page.</translation>
    </message>
    <message>
        <source>“{kind}”不是文章类型：请用 {kinds} 之一。</source>
        <translation>“{kind}” is not a kind of article: use one of {kinds}.</translation>
    </message>
    <message>
        <source>“{role}”不是行的角色：请用 {roles} 之一。</source>
        <translation>“{role}” is not a role for a line: use one of {roles}.</translation>
    </message>
    <message>
        <source>文字不能为空：要去掉这一行，请把它标为版面杂项。</source>
        <translation>The text cannot be empty: mark the line as furniture to drop it.</translation>
    </message>
    <message>
        <source>文章 {id} 的第 {number} 段没有改动过。</source>
        <translation>Paragraph {number} of article {id} has not been edited.</translation>
    </message>
    <message>
        <source>文章 {id} 已不在它的版面上（最近一次解析中没有它），无法更正。</source>
        <translation>Article {id} is no longer on its page (not in the latest parse), so it cannot be corrected.</translation>
    </message>
    <message>
        <source>这项更正不会改变版面上的任何内容。</source>
        <translation>That correction would change nothing on the page.</translation>
    </message>
    <message>
        <source>这不是 Reader 批注文件：其中的更正不是由来源、操作、对象和值组成的列表。</source>
        <translation>This is not a Reader annotations file: its corrections are not a list of source, action, target and value.</translation>
    </message>
    <message>
        <source>收藏的检索需要名称和检索式。</source>
        <translation>A saved search needs a name and a query.</translation>
    </message>
    <message>
        <source>已经有名为“{name}”的收藏检索。</source>
        <translation>There is already a saved search named “{name}”.</translation>
    </message>
    <message>
        <source>划线必须落在文章的第 0 到第 {length} 个字之间，且至少包含一个字，而不是第 {start} 到第 {end} 个字。</source>
        <translation>A highlight must cover characters 0 to {length} of the article and at least one of them, not {start} to {end}.</translation>
    </message>
    <message>
        <source>没有引文和位置，无法恢复这条划线。</source>
        <translation>Cannot restore a highlight without a quote and its place.</translation>
    </message>
    <message>
        <source>划线需要一种颜色。</source>
        <translation>A highlight needs a colour.</translation>
    </message>
    <message>
        <source>“{color}”不是颜色：请用 yellow 这样的颜色名或 #rrggbb。</source>
        <translation>“{color}” is not a colour: use a name like yellow or #rrggbb.</translation>
    </message>
    <message>
        <source>标签名不能为空。</source>
        <translation>A tag name cannot be empty.</translation>
    </message>
    <message>
        <source>请至少给出一个标签名。</source>
        <translation>Give at least one tag name.</translation>
    </message>
    <message>
        <source>请至少选择一篇文章。</source>
        <translation>Select at least one article.</translation>
    </message>
    <message>
        <source>“{date}”不是日期：请用 YYYY、YYYY-MM 或 YYYY-MM-DD。</source>
        <translation>“{date}” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>“{date}”不是精确到{precision}的日期。</source>
        <translation>“{date}” does not have {precision} precision.</translation>
    </message>
    <message>
        <source>除“未知”外，任何精度都需要给出日期。</source>
        <translation>A date is needed for any precision other than unknown.</translation>
    </message>
    <message>
        <source>没有“{precision}”这种日期精度。</source>
        <translation>Unknown date precision “{precision}”.</translation>
    </message>
    <message>
        <source>无法打开书库 {path}：这是一个文件夹，不是书库文件。</source>
        <translation>Cannot open the library {path}: it is a folder, not a library file.</translation>
    </message>
    <message>
        <source>无法把 {path} 用作书库文件夹：它是一个文件，不是文件夹。</source>
        <translation>Cannot use {path} as the library folder: it is a file, not a folder.</translation>
    </message>
    <message>
        <source>无法为书库 {path} 创建文件夹：{reason}。</source>
        <translation>Cannot create the folder for the library {path}: {reason}.</translation>
    </message>
    <message>
        <source>无法打开书库 {path}：{reason}。</source>
        <translation>Cannot open the library {path}: {reason}.</translation>
    </message>
    <message>
        <source>无法打开书库 {path}：它不是 SQLite 数据库。{advice}</source>
        <translation>Cannot open the library {path}: it is not a SQLite database. {advice}</translation>
    </message>
    <message>
        <source>无法打开书库 {path}：另一个程序正在使用它。</source>
        <translation>Cannot open the library {path}: another program is using it.</translation>
    </message>
    <message>
        <source>无法打开书库 {path}：文件已损坏。{advice}</source>
        <translation>Cannot open the library {path}: the file is damaged. {advice}</translation>
    </message>
    <message>
        <source>书库已损坏：已保存仍能读出的内容（有 {lost} 行读不出来）。</source>
        <translation>The library is damaged: saved what could still be read ({lost} rows could not be read).</translation>
    </message>
    <message>
        <source>书库文件 {path} 是空的（0 字节）；Reader 不会在它上面新建书库。{advice}</source>
        <translation>The library file {path} is empty (0 bytes); Reader does not start a new library over it. {advice}</translation>
    </message>
    <message>
        <source>书库文件 {path} 不见了，但 {folder} 里有它的备份；Reader 不会在原处新建书库。{advice}</source>
        <translation>The library file {path} is missing, but backups of it are in {folder}; Reader does not start a new library in its place. {advice}</translation>
    </message>
    <message>
        <source>书库 {path} 无法写入（没有写入权限，或磁盘是只读的）：已以只读方式打开，可以阅读、搜索和导出。</source>
        <translation>The library {path} cannot be written (no permission, or a read-only disk): it is open read-only; reading, searching and exporting work.</translation>
    </message>
    <message>
        <source>书库 {path} 已损坏（SQLite 检查：{detail}）：已以只读方式打开，不再向其中写入。{advice}</source>
        <translation>The library {path} is damaged (SQLite's check: {detail}): it is open read-only, so nothing more is written into it. {advice}</translation>
    </message>
    <message>
        <source>书库 {path} 由旧版 Reader 创建，需要升级，但它无法写入。</source>
        <translation>The library {path} was made by an older Reader and needs upgrading, but it cannot be written.</translation>
    </message>
    <message>
        <source>未做任何修改：书库以只读方式打开（{why}）。</source>
        <translation>Nothing was changed: the library is open read-only ({why}).</translation>
    </message>
    <message>
        <source>无法写入</source>
        <translation>it cannot be written</translation>
    </message>
    <message>
        <source>书库已损坏；可用 reader restore 恢复备份</source>
        <translation>it is damaged; reader restore puts back a backup</translation>
    </message>
    <message>
        <source>Reader 上次没有正常关闭，且书库的预写日志（{wal}）不见了：{since} 之后的修改可能已丢失。{advice}</source>
        <translation>Reader was not closed properly and the library's write-ahead log ({wal}) is gone: changes made after {since} may be lost. {advice}</translation>
    </message>
    <message>
        <source>最新的完好备份是 {day} 的：reader restore 可以恢复它。</source>
        <translation>The newest good backup is from {day}: reader restore puts it back.</translation>
    </message>
    <message>
        <source>没有它的完好备份。</source>
        <translation>There is no good backup of it.</translation>
    </message>
    <message>
        <source>书库的每日备份失败：{reason}。</source>
        <translation>The daily backup of the library failed: {reason}.</translation>
    </message>
    <message>
        <source>{folder} 里没有备份。</source>
        <translation>There are no backups in {folder}.</translation>
    </message>
    <message>
        <source>{folder} 里没有名为 {name} 的备份（reader restore 会列出备份）。</source>
        <translation>No backup named {name} in {folder} (reader restore lists them).</translation>
    </message>
    <message>
        <source>备份 {path} 已损坏（{detail}）；请选择另一个。</source>
        <translation>The backup {path} is damaged ({detail}); choose another.</translation>
    </message>
    <message>
        <source>另一个 Reader（进程 {pid}）正打开着这个书库；请先关闭它再恢复。</source>
        <translation>Another Reader (process {pid}) has this library open; close it before restoring.</translation>
    </message>
    <message>
        <source>无法打开书库 {path}：它由更新版本的 Reader 写入（结构版本 {reached}，本版本只认识到 {newest}）。</source>
        <translation>Cannot open the library {path}: it was written by a newer version of Reader (schema {reached}, this version knows {newest}).</translation>
    </message>
    <message>
        <source>无法打开书库 {path}：它是 SQLite 数据库，但不是 Reader 书库。</source>
        <translation>Cannot open the library {path}: it is a SQLite database but not a Reader library.</translation>
    </message>
    <message>
        <source>无法把书库备份到 {path}：那就是书库本身。</source>
        <translation>Cannot back up the library to {path}: that is the library itself.</translation>
    </message>
    <message>
        <source>无法把书库备份到 {path}：这是一个文件夹。</source>
        <translation>Cannot back up the library to {path}: it is a folder.</translation>
    </message>
    <message>
        <source>无法把书库备份到 {path}：文件夹 {folder} 不存在。</source>
        <translation>Cannot back up the library to {path}: the folder {folder} does not exist.</translation>
    </message>
    <message>
        <source>无法把书库备份到 {path}：那里已有一个不是书库备份的文件。</source>
        <translation>Cannot back up the library to {path}: a file that is not a library backup is already there.</translation>
    </message>
    <message>
        <source>无法把书库备份到 {path}：{reason}。</source>
        <translation>Cannot back up the library to {path}: {reason}.</translation>
    </message>
    <message>
        <source>这不是 Reader 批注文件：它没有 “format”: “{format}”。</source>
        <translation>This is not a Reader annotations file: it has no “format”: “{format}”.</translation>
    </message>
    <message>
        <source>这不是 Reader 批注文件：它的版本缺失或有误。</source>
        <translation>This is not a Reader annotations file: its version is missing or wrong.</translation>
    </message>
    <message>
        <source>这个批注文件由更新的 Reader 写入（版本 {version}）；请更新 Reader 后再导入。</source>
        <translation>This annotations file was written by a newer Reader (version {version}); update Reader to import it.</translation>
    </message>
    <message>
        <source>这不是 Reader 批注文件：“tags”和“articles”必须是列表。</source>
        <translation>This is not a Reader annotations file: “tags” and “articles” must be lists.</translation>
    </message>
    <message>
        <source>这不是 Reader 批注文件：每个标签都要有名字。</source>
        <translation>This is not a Reader annotations file: every tag needs a name.</translation>
    </message>
    <message>
        <source>这不是 Reader 批注文件：标签“{tag}”的颜色不是文字。</source>
        <translation>This is not a Reader annotations file: the colour of tag “{tag}” is not text.</translation>
    </message>
    <message>
        <source>这不是 Reader 批注文件：第 {n} 篇文章没有 key。</source>
        <translation>This is not a Reader annotations file: article {n} has no key.</translation>
    </message>
    <message>
        <source>这不是 Reader 批注文件：第 {n} 篇文章的标签不是名字列表。</source>
        <translation>This is not a Reader annotations file: article {n} has tags that are not a list of names.</translation>
    </message>
    <message>
        <source>这不是 Reader 批注文件：第 {n} 篇文章的笔记没有文字。</source>
        <translation>This is not a Reader annotations file: article {n} has a note without text.</translation>
    </message>
    <message>
        <source>这不是 Reader 批注文件：第 {n} 篇文章的划线不是列表。</source>
        <translation>This is not a Reader annotations file: article {n} has highlights that are not a list.</translation>
    </message>
    <message>
        <source>这不是 Reader 批注文件：其中收藏的检索不是名称与检索式的列表。</source>
        <translation>This is not a Reader annotations file: its saved searches are not a list of names with queries.</translation>
    </message>
    <message>
        <source>这不是 Reader 批注文件：第 {n} 篇文章有一条划线没有引文。</source>
        <translation>This is not a Reader annotations file: article {n} has a highlight without a quote.</translation>
    </message>
    <message>
        <source>这不是 Reader 批注文件：第 {n} 篇文章有一条划线的起止位置不是偏移量。</source>
        <translation>This is not a Reader annotations file: article {n} has a highlight whose start and end are not offsets.</translation>
    </message>
    <message>
        <source>这不是 Reader 批注文件：第 {n} 篇文章有一条划线的某个字段不是文字。</source>
        <translation>This is not a Reader annotations file: article {n} has a highlight with a field that is not text.</translation>
    </message>
    <message>
        <source>这不是 Reader 批注文件：第 {n} 篇文章的阅读状态不是已读/星标时间和 0 到 1000 的位置。</source>
        <translation>This is not a Reader annotations file: article {n} has a reading state that is not read/starred times and a place from 0 to 1000.</translation>
    </message>
    <message>
        <source>无法读取 {name}：{reason}。</source>
        <translation>Cannot read {name}: {reason}.</translation>
    </message>
    <message>
        <source>文件不存在</source>
        <translation>the file does not exist</translation>
    </message>
    <message>
        <source>这是一个文件夹，不是版面文件</source>
        <translation>it is a folder, not a page file</translation>
    </message>
    <message>
        <source>没有读取权限</source>
        <translation>permission denied</translation>
    </message>
    <message>
        <source>它以 {encoding} 字节顺序标记开头，内容却不是这种编码的文本</source>
        <translation>it starts with a {encoding} byte-order mark but is not valid text in that encoding</translation>
    </message>
    <message>
        <source>这是二进制文件，不是文本版面</source>
        <translation>it is a binary file, not a text page</translation>
    </message>
    <message>
        <source>它不是 UTF-8、UTF-16 或 GB18030 编码的文本</source>
        <translation>it is neither UTF-8, UTF-16 nor GB18030 text</translation>
    </message>
    <message>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>这是管道、设备或套接字，不是版面文件</source>
        <translation>it is a pipe, device or socket, not a page file</translation>
    </message>
    <message>
        <source>它有 {size} MB；版面文件最大 {limit} MB</source>
        <translation>it is {size} MB; a page file is at most {limit} MB</translation>
    </message>
    <message>
        <source>文件里没有文字</source>
        <translation>it holds no text</translation>
    </message>
    <message>
        <source>它不是有效的 JSON（{detail}，第 {line} 行）</source>
        <translation>it is not valid JSON ({detail}, line {line})</translation>
    </message>
    <message>
        <source>它应当是一个 JSON 对象</source>
        <translation>it must hold one JSON object</translation>
    </message>
    <message>
        <source>“files”应当把文件名对应到对象</source>
        <translation>"files" must map file names to objects</translation>
    </message>
    <message>
        <source>{file} 的条目应当是一个对象</source>
        <translation>the entry of {file} must be an object</translation>
    </message>
    <message>
        <source>“{key}”应当是文字</source>
        <translation>"{key}" must be text</translation>
    </message>
    <message>
        <source>“date”{value} 不是日期（请写成 2025-01-07）</source>
        <translation>"date" {value} is not a date (write 2025-01-07)</translation>
    </message>
    <message>
        <source>“page_number”{value} 不是版次（请写成 19）</source>
        <translation>"page_number" {value} is not a page number (write 19)</translation>
    </message>
    <message>
        <source>版次只能对应一个版面：请只为一个文件填写，而不是 {count} 个。</source>
        <translation>A page number names one page: give it for one file, not {count}.</translation>
    </message>
    <message>
        <source>那里没有找到版面文件。</source>
        <translation>No page files found there.</translation>
    </message>
    <message>
        <source>无法写入 {path}：{reason}。</source>
        <translation>Cannot write {path}: {reason}.</translation>
    </message>
    <message>
        <source>磁盘已满</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>磁盘配额已用完</source>
        <translation>the disk quota is used up</translation>
    </message>
    <message>
        <source>没有写入权限</source>
        <translation>permission denied</translation>
    </message>
    <message>
        <source>磁盘是只读的</source>
        <translation>the disk is read-only</translation>
    </message>
    <message>
        <source>文件夹不存在</source>
        <translation>the folder does not exist</translation>
    </message>
    <message>
        <source>路径中有一部分不是文件夹</source>
        <translation>a part of the path is not a folder</translation>
    </message>
    <message>
        <source>这是一个文件夹</source>
        <translation>it is a folder</translation>
    </message>
    <message>
        <source>名字太长</source>
        <translation>the name is too long</translation>
    </message>
    <message>
        <source>无法写入 {folder}：这是一个文件，不是文件夹。</source>
        <translation>Cannot write into {folder}: it is a file, not a folder.</translation>
    </message>
    <message>
        <source>{path} 已存在；不覆盖它。</source>
        <translation>{path} already exists; not overwriting it.</translation>
    </message>
    <message>
        <source>{path} 等另外 {more} 个文件已存在；不覆盖它们。</source>
        <translation>{path} and {more} more files already exist; not overwriting them.</translation>
    </message>
    <message>
        <source>{path} 已存在；加上 --force 可以替换它。</source>
        <translation>{path} already exists; add --force to replace it.</translation>
    </message>
    <message>
        <source>{path} 已存在；不覆盖它（--force 可覆盖）。</source>
        <translation>{path} already exists; not overwriting it (--force overwrites).</translation>
    </message>
    <message>
        <source>{path} 等另外 {more} 个文件已存在；不覆盖它们（--force 可覆盖）。</source>
        <translation>{path} and {more} more files already exist; not overwriting them (--force overwrites).</translation>
    </message>
    <message>
        <source>没有可导出的内容：没有选择文章。</source>
        <translation>Nothing to export: no articles were selected.</translation>
    </message>
    <message>
        <source>所选文章都没有划线，没有写入任何内容。</source>
        <translation>None of the selected articles has highlights; nothing was written.</translation>
    </message>
    <message>
        <source>没有可导出的内容：请给出文章编号、--tag、--query 或 --issue。</source>
        <translation>Nothing to export: name article ids, --tag, --query or --issue.</translation>
    </message>
    <message>
        <source>没有文章带有标签 {tag}。</source>
        <translation>No articles are tagged {tag}.</translation>
    </message>
    <message>
        <source>没有文章符合 {query}。</source>
        <translation>No articles match {query}.</translation>
    </message>
    <message>
        <source>{path} 是一个文件夹：请给出文件名，或用 --split 把每篇文章写成一个文件放进去。</source>
        <translation>{path} is a folder: give a file name, or use --split to write one file per article into it.</translation>
    </message>
    <message>
        <source>没有“{value}”这种格式：请用 {choices}。</source>
        <translation>Unknown format '{value}': use {choices}.</translation>
    </message>
    <message>
        <source>没有“{value}”这种排序：请用 {choices}。</source>
        <translation>Unknown order '{value}': use {choices}.</translation>
    </message>
    <message>
        <source>没有“{value}”这个部分：请用 {choices}。</source>
        <translation>Unknown part '{value}': use {choices}.</translation>
    </message>
    <message>
        <source>{part} 不能和其他部分一起用。</source>
        <translation>{part} cannot be combined with other parts.</translation>
    </message>
    <message>
        <source>没有要包含的内容：请至少给出一个部分。</source>
        <translation>Nothing to include: name at least one part.</translation>
    </message>
    <message>
        <source>建立搜索索引中途失败；请重新建立。</source>
        <translation>Building the search index failed part-way; rebuild it again.</translation>
    </message>
    <message>
        <source>另一个 Reader 窗口正在写入搜索索引；请等它完成后再试。</source>
        <translation>The search index is being written by another Reader window; try again when it is done.</translation>
    </message>
    <message>
        <source>搜索索引已损坏；请重建索引（reader reindex）。</source>
        <translation>The search index is damaged; rebuild it (reader reindex).</translation>
    </message>
    <message>
        <source>搜索索引文件夹 {path} 是一个文件；把它移走后会重新建立索引。</source>
        <translation>The search index folder {path} is a file; move it away and the index will be built again.</translation>
    </message>
    <message>
        <source>{path} 不存在。</source>
        <translation>{path} does not exist.</translation>
    </message>
    <message>
        <source>{path} 不是 JSON（第 {line} 行：{detail}）。</source>
        <translation>{path} is not JSON (line {line}: {detail}).</translation>
    </message>
    <message>
        <source>--limit 至少为 1。</source>
        <translation>--limit must be at least 1.</translation>
    </message>
    <message>
        <source>磁盘已满，请腾出空间后再试。</source>
        <translation>The disk is full; free some space and try again.</translation>
    </message>
    <message>
        <source>书库是只读的（可能没有写入权限，或磁盘是只读的）。</source>
        <translation>The library is read-only (no permission to write, or a read-only disk).</translation>
    </message>
    <message>
        <source>书库正被另一个程序占用，请稍后再试。</source>
        <translation>Another program is using the library; try again in a moment.</translation>
    </message>
    <message>
        <source>读写磁盘时出错（磁盘可能已满或已断开）。</source>
        <translation>Reading or writing the disk failed (it may be full or disconnected).</translation>
    </message>
    <message>
        <source>无法打开书库文件（文件夹可能不存在或没有权限）。</source>
        <translation>Cannot open the library file (its folder may be missing or not writable).</translation>
    </message>
    <message>
        <source>没有权限写入 {where}。</source>
        <translation>No permission to write {where}.</translation>
    </message>
    <message>
        <source>没有权限写入这个位置。</source>
        <translation>No permission to write there.</translation>
    </message>
    <message>
        <source>{where} 所在的磁盘是只读的。</source>
        <translation>{where} is on a read-only disk.</translation>
    </message>
    <message>
        <source>磁盘是只读的。</source>
        <translation>The disk is read-only.</translation>
    </message>
    <message>
        <source>单独的“-”已忽略；要排除某个词，请把“-”紧贴在这个词前面。</source>
        <translation>A lone “-” was ignored; put it right before the word to exclude.</translation>
    </message>
    <message>
        <source>引号不成对，已忽略引号，按词语搜索。</source>
        <translation>Unbalanced quote ignored; searched for the words instead.</translation>
    </message>
    <message>
        <source>空引号已忽略。</source>
        <translation>Empty quotes were ignored.</translation>
    </message>
    <message>
        <source>没有“{filter}:”这种筛选条件，已把“{raw}”当作文字搜索。</source>
        <translation>Unknown filter “{filter}:”; searched for “{raw}” as text instead.</translation>
    </message>
    <message>
        <source>筛选条件“{filter}:”后面没有值，已把“{raw}”当作文字搜索。</source>
        <translation>The filter “{filter}:” has no value; searched for “{raw}” as text instead.</translation>
    </message>
    <message>
        <source>“{value}”不是有效的 {filter}: 值，已把“{raw}”当作文字搜索。</source>
        <translation>“{value}” is not a valid {filter}: value; searched for “{raw}” as text instead.</translation>
    </message>
    <message>
        <source>“NOT NOT”按一个 NOT 处理。</source>
        <translation>“NOT NOT” was read as one NOT.</translation>
    </message>
    <message>
        <source>“NOT”后面要跟一个词，已忽略。</source>
        <translation>“NOT” needs a word after it; it was ignored.</translation>
    </message>
    <message>
        <source>“NOT -词”按一次排除处理。</source>
        <translation>“NOT -word” was read as one exclusion.</translation>
    </message>
    <message>
        <source>“AND”两边都要有词，已忽略。</source>
        <translation>“AND” needs a word on both sides; it was ignored.</translation>
    </message>
    <message>
        <source>“OR”两边都要有词，已忽略。</source>
        <translation>“OR” needs a word on both sides; it was ignored.</translation>
    </message>
    <message>
        <source>OR 只能连接词语，不能连接筛选条件；所有筛选条件都已生效。</source>
        <translation>OR joins words, not filters; all filters apply.</translation>
    </message>
    <message>
        <source>没有结果；可以去掉筛选条件再试。</source>
        <translation>Nothing matched; try the search without its filters.</translation>
    </message>
    <message>
        <source>年</source>
        <translation>year</translation>
    </message>
    <message>
        <source>月</source>
        <translation>month</translation>
    </message>
    <message>
        <source>日</source>
        <translation>day</translation>
    </message>
    <message>
        <source>未知</source>
        <translation>unknown</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="101"/>
        <location filename="../../reader/ui/export_dialog.py" line="356"/>
        <source>导出</source>
        <extracomment>How many lines of the export the preview shows: about one screenful. Emitted with the `ExportReport` once files are written. Emitted whenever the preview text and counts are refreshed.</extracomment>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="125"/>
        <source>一个文件</source>
        <translation>One file</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="126"/>
        <source>文件夹，每篇一个文件</source>
        <translation>A folder, one file per article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="128"/>
        <source>版面顺序</source>
        <translation>Page order</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="128"/>
        <source>日期（新→旧）</source>
        <translation>Date (newest first)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="129"/>
        <source>搜索排名（选择时的顺序）</source>
        <translation>Search rank (order when selected)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="131"/>
        <source>标题信息（栏目、作者、出处）</source>
        <translation>Heading (column, author, source)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="131"/>
        <source>正文</source>
        <translation>Body text</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="132"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="132"/>
        <source>笔记</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="133"/>
        <source>划线及批注</source>
        <translation>Highlights and their notes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="135"/>
        <source>仅导出划线（略去没有划线的文章）</source>
        <translation>Highlights only (skip articles without highlights)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="142"/>
        <source>格式：</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="143"/>
        <source>写入：</source>
        <translation>Write to:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="144"/>
        <source>内容：</source>
        <translation>Include:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="145"/>
        <source>顺序：</source>
        <translation>Order:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="149"/>
        <source>正在读取所选文章…</source>
        <translation>Reading the selected articles…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="154"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="155"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="163"/>
        <source>所选：{}</source>
        <translation>Selection: {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="236"/>
        <source>无法读取所选文章</source>
        <translation>Cannot read the selected articles</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/export_dialog.py" line="252"/>
        <source>%n 篇文章</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/export_dialog.py" line="252"/>
        <source>，%n 字</source>
        <translation>
            <numerusform>, %n character</numerusform>
            <numerusform>, %n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/export_dialog.py" line="254"/>
        <source>，%n 个文件</source>
        <translation>
            <numerusform>, %n file</numerusform>
            <numerusform>, %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/export_dialog.py" line="256"/>
        <source>（%n 篇没有划线，不导出）</source>
        <translation>
            <numerusform> (%n without highlights, not exported)</numerusform>
            <numerusform> (%n without highlights, not exported)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/export_dialog.py" line="354"/>
        <source>%n 个文件已存在（例如 {}）。要替换它们吗？</source>
        <translation>
            <numerusform>%n file already exists ({}). Replace it?</numerusform>
            <numerusform>%n files already exist (for example {}). Replace them?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="290"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="290"/>
        <source>正在导出：{}</source>
        <translation>Exporting: {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="298"/>
        <source>导出已取消，没有写入任何文件。</source>
        <translation>Export cancelled; no files were written.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="309"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="317"/>
        <source>发生了意外错误，详情已写入日志</source>
        <translation>an unexpected error occurred; the details are in the log</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="319"/>
        <source>{what}：{reason}。</source>
        <translation>{what}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="340"/>
        <source>选择导出到的文件夹</source>
        <translation>Choose the Export Folder</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="346"/>
        <source>导出到文件</source>
        <translation>Export to File</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="352"/>
        <source>{} 已存在。要替换它吗？</source>
        <translation>{} already exists. Replace it?</translation>
    </message>
</context>
<context>
    <name>ExportFormats</name>
    <message>
        <source>纯文本</source>
        <translation>Plain text</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>RIS 题录</source>
        <translation>RIS references</translation>
    </message>
    <message>
        <source>CSL-JSON 题录</source>
        <translation>CSL-JSON references</translation>
    </message>
    <message>
        <source>BibTeX 题录</source>
        <translation>BibTeX references</translation>
    </message>
    <message>
        <source>CSV 表格（元数据）</source>
        <translation>CSV spreadsheet (metadata)</translation>
    </message>
    <message>
        <source>参考文献（GB/T 7714）</source>
        <translation>Reference list (GB/T 7714)</translation>
    </message>
    <message>
        <source>参考文献（APA）</source>
        <translation>Reference list (APA)</translation>
    </message>
</context>
<context>
    <name>FacetPanel</name>
    <message numerus="yes">
        <location filename="../../reader/ui/facet_panel.py" line="86"/>
        <source>另有 %n 项</source>
        <extracomment>The most values a facet lists (the most frequent; dates list all years); a last line says how many more there are. The filter a value adds, on each value item. the filter text to add to the query (e.g. &apos;column:观潮&apos;)</extracomment>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/facet_panel.py" line="96"/>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/facet_panel.py" line="26"/>
        <source>报纸</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../reader/ui/facet_panel.py" line="27"/>
        <source>发布时间</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/facet_panel.py" line="28"/>
        <source>版名</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../reader/ui/facet_panel.py" line="29"/>
        <source>栏目</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../reader/ui/facet_panel.py" line="30"/>
        <source>体裁</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../reader/ui/facet_panel.py" line="31"/>
        <source>作者</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../reader/ui/facet_panel.py" line="32"/>
        <source>标签</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../../reader/ui/facet_panel.py" line="128"/>
        <source>日期不明</source>
        <translation>Undated</translation>
    </message>
</context>
<context>
    <name>HighlightList</name>
    <message>
        <location filename="../../reader/ui/highlight_list.py" line="58"/>
        <source>〔已失位〕</source>
        <extracomment>Characters of the quote shown per row.</extracomment>
        <translation>[not found] </translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlight_list.py" line="65"/>
        <source>重新解析后找不到这段文字了；划线和它的笔记都保留着。</source>
        <translation>This passage can no longer be found after re-parsing; the highlight and its note are kept.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlight_list.py" line="86"/>
        <source>编辑划线笔记…</source>
        <translation>Edit Highlight Note…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlight_list.py" line="87"/>
        <source>删除划线</source>
        <translation>Delete Highlight</translation>
    </message>
</context>
<context>
    <name>ImportDrop</name>
    <message>
        <source>没有导入 {}：只能导入页面文本（.txt、.md）和文件夹。</source>
        <translation>Did not import {}: only page text files (.txt, .md) and folders can be imported.</translation>
    </message>
    <message>
        <source>现在不能导入：书库还没有打开，或者另一次导入还在进行。</source>
        <translation>Cannot import now: the library is not open yet, or another import is running.</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>ImportOptionsDialog</name>
    <message>
        <location filename="../../reader/ui/import_options.py" line="33"/>
        <source>导入选项</source>
        <translation>Import options</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/import_options.py" line="34"/>
        <source>可以为这 %n 个文件填写报纸、日期和版面；留空的项目从页眉、文件名或 page.json 中识别。</source>
        <translation>
            <numerusform>You may give the paper, date and page of this file; what you leave empty is read from the page header, the file name or page.json.</numerusform>
            <numerusform>You may give the paper, date and page of these %n files; what you leave empty is read from the page header, the file name or page.json.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_options.py" line="39"/>
        <source>例如 人民日报</source>
        <translation>e.g. 人民日报</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_options.py" line="41"/>
        <source>例如 2025-01-07</source>
        <translation>e.g. 2025-01-07</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_options.py" line="43"/>
        <source>例如 19</source>
        <translation>e.g. 19</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_options.py" line="47"/>
        <source>只能为单个文件填写</source>
        <translation>only for a single file</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_options.py" line="49"/>
        <source>例如 党建</source>
        <translation>e.g. 党建</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_options.py" line="51"/>
        <source>报纸</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_options.py" line="52"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_options.py" line="53"/>
        <source>版次</source>
        <translation>Page number</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_options.py" line="54"/>
        <source>版名</source>
        <translation>Page name</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_options.py" line="73"/>
        <source>“{}”不是日期，请写成 2025-01-07。</source>
        <translation>“{}” is not a date: write 2025-01-07.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_options.py" line="78"/>
        <source>“{}”不是版次，请写成 19。</source>
        <translation>“{}” is not a page number: write 19.</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <location filename="../../reader/ui/import_report.py" line="41"/>
        <source>以前已导入，无变化</source>
        <translation>already imported, unchanged</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_report.py" line="44"/>
        <source>原因不明</source>
        <translation>reason unknown</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_report.py" line="45"/>
        <source>失败：{}</source>
        <translation>failed: {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_report.py" line="48"/>
        <source>{name}&#x3000;{what}（{path}）</source>
        <translation>{name}  {what} ({path})</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_report.py" line="71"/>
        <source>导入结果</source>
        <translation>Import Results</translation>
    </message>
</context>
<context>
    <name>IssueTreeModel</name>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="51"/>
        <source>篇</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="52"/>
        <location filename="../../reader/ui/tree_model.py" line="64"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="53"/>
        <source>版</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="55"/>
        <source>作者</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="60"/>
        <source>由你设定：{}</source>
        <extracomment>The mark after a page the user gave paper, date or page fields to.</extracomment>
        <translation>Set by you: {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="61"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="62"/>
        <source>{kind}：{title}</source>
        <translation>{kind}: {title}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="63"/>
        <source>报名</source>
        <translation>paper</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="65"/>
        <source>版别</source>
        <translation>edition</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="66"/>
        <source>版次</source>
        <translation>page number</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="67"/>
        <source>版名</source>
        <translation>page name</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/tree_model.py" line="414"/>
        <source>（%n期）</source>
        <extracomment>a node&apos;s children arrived (its key) asks for a node&apos;s children; the answer comes back through `add_children`</extracomment>
        <translation>
            <numerusform> (%n issue)</numerusform>
            <numerusform> (%n issues)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/tree_model.py" line="416"/>
        <source>（%n版）</source>
        <translation>
            <numerusform> (%n page)</numerusform>
            <numerusform> (%n pages)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="50"/>
        <location filename="../../reader/ui/tree_model.py" line="68"/>
        <source>标题</source>
        <extracomment>Roles a view or the window can ask for besides the display text.</extracomment>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="54"/>
        <source>栏目</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="56"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="57"/>
        <source>（无法读取）</source>
        <translation>(unreadable)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="61"/>
        <source>✎ 已更正</source>
        <translation>✎ Corrected</translation>
    </message>
</context>
<context>
    <name>IssuesView</name>
    <message>
        <location filename="../../reader/ui/issues_view.py" line="472"/>
        <source>书库中还没有注明具体日期的报纸。</source>
        <translation>No issue in the library has an exact date yet.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/issues_view.py" line="475"/>
        <source>{} 没有报纸，已转到最近的一期：{}。</source>
        <translation>No issue on {}; went to the nearest one: {}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/issues_view.py" line="513"/>
        <source>编辑版面信息…</source>
        <translation>Edit Page Details…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/issues_view.py" line="516"/>
        <source>重命名报纸…</source>
        <translation>Rename Paper…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/issues_view.py" line="533"/>
        <source>先在目录中选中版面、日期或报纸。</source>
        <translation>First select a page, a date or a paper in the contents.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/issues_view.py" line="543"/>
        <source>无法读取版面信息</source>
        <translation>Could not read the page details</translation>
    </message>
    <message>
        <location filename="../../reader/ui/issues_view.py" line="554"/>
        <source>无法修改版面信息</source>
        <translation>Could not change the page details</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/issues_view.py" line="556"/>
        <source>已修改 %n 个版面的信息（Ctrl+Z 撤销）。</source>
        <translation>
            <numerusform>Changed the details of %n page (Ctrl+Z to undo).</numerusform>
            <numerusform>Changed the details of %n pages (Ctrl+Z to undo).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/issues_view.py" line="565"/>
        <source>无法重命名报纸</source>
        <translation>Could not rename the paper</translation>
    </message>
    <message>
        <location filename="../../reader/ui/issues_view.py" line="567"/>
        <source>已合并到“{}”（Ctrl+Z 撤销）。</source>
        <translation>Merged into “{}” (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/issues_view.py" line="568"/>
        <source>已改名为“{}”（Ctrl+Z 撤销）。</source>
        <translation>Renamed to “{}” (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/issues_view.py" line="188"/>
        <location filename="../../reader/ui/issues_view.py" line="195"/>
        <location filename="../../reader/ui/issues_view.py" line="259"/>
        <location filename="../../reader/ui/issues_view.py" line="315"/>
        <location filename="../../reader/ui/issues_view.py" line="321"/>
        <location filename="../../reader/ui/issues_view.py" line="331"/>
        <location filename="../../reader/ui/issues_view.py" line="345"/>
        <location filename="../../reader/ui/issues_view.py" line="350"/>
        <location filename="../../reader/ui/issues_view.py" line="357"/>
        <location filename="../../reader/ui/issues_view.py" line="360"/>
        <location filename="../../reader/ui/issues_view.py" line="401"/>
        <location filename="../../reader/ui/issues_view.py" line="456"/>
        <location filename="../../reader/ui/issues_view.py" line="490"/>
        <location filename="../../reader/ui/issues_view.py" line="571"/>
        <source>无法读取目录</source>
        <extracomment>Columns hidden until the reader shows them (a right-click on the header): the date and the page number are in the rows&apos; own labels, and a narrow navigator keeps room for titles. Narrower than this (a 1024×640 window, the article keeping its line length), the tree shows titles and counts only: the other columns give way and come back when there is room. a page row was chosen: show the whole page (its id) the edit dialogs (modal); tests replace them</extracomment>
        <translation>Cannot read the contents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/issues_view.py" line="202"/>
        <location filename="../../reader/ui/issues_view.py" line="206"/>
        <source>无法读取这一期的文章</source>
        <translation>Cannot read this issue&apos;s articles</translation>
    </message>
    <message>
        <source>无法读取未读篇数</source>
        <translation>Could not read the unread counts</translation>
    </message>
</context>
<context>
    <name>KindDialog</name>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="48"/>
        <source>文章</source>
        <translation>Article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="49"/>
        <source>评论</source>
        <translation>Commentary</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="50"/>
        <source>图片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="51"/>
        <source>简讯</source>
        <translation>Briefs</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="52"/>
        <source>语录</source>
        <translation>Quotes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="53"/>
        <source>来信</source>
        <translation>Letter</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="118"/>
        <source>修改类型</source>
        <translation>Change the Kind</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="125"/>
        <source>这篇是：</source>
        <translation>This item is:</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../reader/ui/labels.py" line="18"/>
        <source>文</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="18"/>
        <source>文章</source>
        <translation>Article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="19"/>
        <source>评</source>
        <translation>Op</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="19"/>
        <source>评论</source>
        <translation>Commentary</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="20"/>
        <source>图</source>
        <translation>Pic</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="20"/>
        <source>图片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="21"/>
        <source>讯</source>
        <translation>News</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="21"/>
        <source>简讯</source>
        <translation>Briefs</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="22"/>
        <source>言</source>
        <translation>Quote</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="22"/>
        <source>语录</source>
        <translation>Quotes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="23"/>
        <source>信</source>
        <translation>Letter</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="23"/>
        <source>来信</source>
        <translation>Letter</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="28"/>
        <source>词语匹配</source>
        <extracomment>How a search hit matched (a filter-only hit has no label).</extracomment>
        <translation>word match</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="29"/>
        <source>精确匹配</source>
        <translation>exact match</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="30"/>
        <source>笔记匹配</source>
        <translation>note match</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="35"/>
        <source>开头缺失</source>
        <extracomment>The parser&apos;s defect phrases (English, before any &quot;: detail&quot;) in the reader&apos;s words.</extracomment>
        <translation>opening lost</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="36"/>
        <source>段落已拼接</source>
        <translation>split paragraph joined</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="37"/>
        <source>标题缺失</source>
        <translation>title lost</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="38"/>
        <source>段落不完整</source>
        <translation>paragraph cut off</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="39"/>
        <source>重复段落已删</source>
        <translation>duplicate paragraph dropped</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="40"/>
        <source>与他文穿插</source>
        <translation>interleaved with another item</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="41"/>
        <source>标题错位</source>
        <translation>title displaced</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="42"/>
        <source>图片说明缺失</source>
        <translation>caption lost</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="43"/>
        <source>栏目标签错位</source>
        <translation>column label displaced</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="44"/>
        <source>最新解析中已无此文</source>
        <translation>not in the latest parse</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="49"/>
        <source>〔{mark}〕{title}</source>
        <extracomment>A title after its kind&apos;s mark: 〔图〕入户调查 (English: [Pic] …).</extracomment>
        <translation>[{mark}] {title}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="51"/>
        <source>〔文〕{title}</source>
        <extracomment>An article&apos;s title, the kind most items are: English leaves the mark out (room in the tree).</extracomment>
        <translation>{title}</translation>
    </message>
</context>
<context>
    <name>LibraryRescue</name>
    <message>
        <location filename="../../reader/ui/library_rescue.py" line="86"/>
        <source>只读</source>
        <extracomment>a RescueDialog was shown (tests answer it) a backup was put back; the library is being opened again</extracomment>
        <translation>Read-only</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_rescue.py" line="131"/>
        <source>已恢复 {day} 的备份；原来的书库文件另存为 {path}。</source>
        <translation>Restored the backup of {day}; the library file as it was is kept as {path}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_rescue.py" line="138"/>
        <source>无法恢复备份</source>
        <translation>Cannot restore the backup</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/actions.py" line="70"/>
        <source>编辑版面信息…</source>
        <translation>Edit Page Details…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="84"/>
        <source>跳到日期…</source>
        <translation>Go to Date…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="79"/>
        <source>搜索… (Ctrl+K)</source>
        <extracomment>Source texts (Chinese); shown through `self.tr`, so translated when a translation is loaded.</extracomment>
        <translation>Search… (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="80"/>
        <source>正在准备搜索…</source>
        <translation>Preparing search…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="153"/>
        <source>导入文件</source>
        <extracomment>The tabs of the browsing page of the navigator (positions in NAVIGATOR_VIEWS). the session is open and the tree shows its issues the search index is in step; the search bar is enabled an article is shown in the pane (its id) the library is in use by another Reader (its folder); it was not opened an import started from the File menu has finished the search index was rebuilt from the library (a SyncReport) a mutation&apos;s Changes were handed to every view the language the window&apos;s texts are in (what a switch translates from) read-only label, what opening found, the newest backup offered (library_rescue.py) logs uncaught exceptions in the library&apos;s logs/ folder; `run()` installs it</extracomment>
        <translation>Import Files</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="153"/>
        <source>页面文本 (*.txt *.md);;所有文件 (*)</source>
        <translation>Page text (*.txt *.md);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="160"/>
        <source>关于 Reader</source>
        <extracomment>asks paper/date/page for the chosen files (a PageMeta; None: cancelled); tests replace it shows what an import did, file by file (non-modal); tests may replace it shows the about text (`about_text()`); tests replace it</extracomment>
        <translation>About Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="180"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="34"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="36"/>
        <source>导入文件…</source>
        <translation>Import Files…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="38"/>
        <source>重建搜索索引</source>
        <translation>Rebuild Search Index</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="43"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="46"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="48"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="50"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="53"/>
        <source>下一处</source>
        <translation>Next Match</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="55"/>
        <source>上一处</source>
        <translation>Previous Match</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="58"/>
        <source>复制（附引用）</source>
        <translation>Copy with Citation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="62"/>
        <location filename="../../reader/ui/undo_commands.py" line="105"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="64"/>
        <location filename="../../reader/ui/undo_commands.py" line="110"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="68"/>
        <source>划线</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="73"/>
        <source>给所选文章加标签…</source>
        <translation>Tag Selected Articles…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="76"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="78"/>
        <source>下一篇</source>
        <translation>Next Article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="81"/>
        <source>上一篇</source>
        <translation>Previous Article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="88"/>
        <source>下一篇未读</source>
        <translation>Next Unread</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="90"/>
        <source>标为已读/未读</source>
        <translation>Mark Read/Unread</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="92"/>
        <source>加星标/去掉星标</source>
        <translation>Star/Unstar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="94"/>
        <source>返回目录</source>
        <translation>Back to Contents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/navigator.py" line="57"/>
        <source>目录</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/navigator.py" line="58"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../reader/ui/navigator.py" line="59"/>
        <source>作者</source>
        <translation>Authors</translation>
    </message>
    <message>
        <location filename="../../reader/ui/navigator.py" line="60"/>
        <source>批注</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="102"/>
        <source>批注栏</source>
        <translation>Annotation Panel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="107"/>
        <source>放大</source>
        <translation>Zoom In</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="110"/>
        <source>缩小</source>
        <translation>Zoom Out</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="113"/>
        <source>还原</source>
        <translation>Actual Size</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="116"/>
        <source>深色主题</source>
        <translation>Dark Theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="119"/>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="121"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="123"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="251"/>
        <source>Reader {}：在自己的电脑上阅读、检索报纸版面。</source>
        <extracomment>the browsing views by key (&quot;issues&quot;, &quot;tags&quot;, …), in tab order (each has the methods reader/ui/navigator.py lists, not a common base class) the centre: the article pane, or a whole page in its place (the tree&apos;s page rows)</extracomment>
        <translation>Reader {}: read and search newspaper pages on your own computer.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="254"/>
        <source>书库：{}</source>
        <translation>Library: {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="256"/>
        <source>书库尚未打开。</source>
        <translation>The library is not open yet.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="259"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/window.py" line="260"/>
        <source>%n 期</source>
        <translation>
            <numerusform>%n issue</numerusform>
            <numerusform>%n issues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/window.py" line="260"/>
        <source>%n 篇文章</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/window.py" line="261"/>
        <source>%n 个标签</source>
        <translation>
            <numerusform>%n tag</numerusform>
            <numerusform>%n tags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/window.py" line="261"/>
        <source>%n 条笔记</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/window.py" line="262"/>
        <source>%n 处划线</source>
        <translation>
            <numerusform>%n highlight</numerusform>
            <numerusform>%n highlights</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="262"/>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="272"/>
        <location filename="../../reader/ui/window.py" line="273"/>
        <source>无法读取书库统计</source>
        <translation>Cannot read the library&apos;s counts</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/window.py" line="406"/>
        <source>文库已打开：%n 种报纸。</source>
        <translation>
            <numerusform>Library open: %n paper.</numerusform>
            <numerusform>Library open: %n papers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/window.py" line="461"/>
        <source>搜索索引已重建：%n 篇。</source>
        <translation>
            <numerusform>Search index rebuilt: %n article.</numerusform>
            <numerusform>Search index rebuilt: %n articles.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="354"/>
        <location filename="../../reader/ui/window.py" line="355"/>
        <source>正在打开文库…</source>
        <translation>Opening the library…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="364"/>
        <source>这个书库正被另一个 Reader 窗口使用：{}（请先关闭那个窗口）</source>
        <translation>This library is in use by another Reader window: {} (close that window first)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="365"/>
        <location filename="../../reader/ui/window.py" line="383"/>
        <source>搜索不可用</source>
        <translation>Search unavailable</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="354"/>
        <location filename="../../reader/ui/window.py" line="479"/>
        <source>正在导入：{}</source>
        <translation>Importing: {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="382"/>
        <source>无法打开文库</source>
        <translation>Cannot open the library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="404"/>
        <source>导入已取消；下次打开时会接着导入。</source>
        <translation>Import cancelled; it will continue the next time the library opens.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="409"/>
        <source>无法准备搜索</source>
        <translation>Cannot prepare search</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="419"/>
        <source>搜索索引已更新，可以搜索了。</source>
        <translation>The search index is up to date; you can search now.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/results_view.py" line="108"/>
        <location filename="../../reader/ui/window.py" line="433"/>
        <source>无法读取这篇文章</source>
        <translation>Cannot read this article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="451"/>
        <location filename="../../reader/ui/window.py" line="453"/>
        <source>无法重建索引</source>
        <translation>Cannot rebuild the index</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="454"/>
        <source>正在重建搜索索引…</source>
        <translation>Rebuilding the search index…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="459"/>
        <source>已取消重建索引；索引保持原样，下次打开时会再检查。</source>
        <translation>Rebuilding the index was cancelled; the index is as it was and will be checked again next time.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="478"/>
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="479"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_wiring.py" line="67"/>
        <location filename="../../reader/ui/reading_wiring.py" line="70"/>
        <source>无法打开这篇文章</source>
        <extracomment>The window&apos;s messages keep the window&apos;s translation context.</extracomment>
        <translation>Cannot open this article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/results_view.py" line="68"/>
        <source>可以去掉筛选条件再试</source>
        <translation>try again without the filters</translation>
    </message>
    <message>
        <location filename="../../reader/ui/results_view.py" line="69"/>
        <source>可以换个说法再试</source>
        <translation>try other words</translation>
    </message>
    <message>
        <location filename="../../reader/ui/results_view.py" line="70"/>
        <source>没有找到“{}”，{}。</source>
        <translation>Nothing found for “{}”; {}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_wiring.py" line="83"/>
        <source>第 {}/{} 处（F3 下一处）</source>
        <translation>Match {}/{} (F3 for the next)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="104"/>
        <source>撤销 {}</source>
        <translation>Undo {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="109"/>
        <source>重做 {}</source>
        <translation>Redo {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="123"/>
        <location filename="../../reader/ui/undo_commands.py" line="124"/>
        <source>无法撤销</source>
        <translation>Cannot undo</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="130"/>
        <source>没有可以重做的改动。</source>
        <translation>Nothing to redo.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="132"/>
        <source>已重做：{}</source>
        <translation>Redone: {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="137"/>
        <location filename="../../reader/ui/undo_commands.py" line="138"/>
        <source>无法重做</source>
        <translation>Cannot redo</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="116"/>
        <source>没有可以撤销的标签或划线改动。</source>
        <translation>There are no tag or highlight changes to undo.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="118"/>
        <source>已撤销：{}</source>
        <translation>Undone: {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_commands.py" line="59"/>
        <source>先在文章里选中要划线的文字。</source>
        <extracomment>the Ctrl+T dialog was opened (the TagPrompt) an Export… dialog was opened (the dialog) the open Ctrl+T dialog (the latest one) the Export… dialog&apos;s file chooser (None: the dialog&apos;s own); tests replace it</extracomment>
        <translation>First select the text to highlight in the article.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_commands.py" line="65"/>
        <location filename="../../reader/ui/annotation_commands.py" line="76"/>
        <source>先选中要加标签的文章。</source>
        <translation>First select the articles to tag.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_commands.py" line="72"/>
        <source>无法读取标签</source>
        <translation>Cannot read the tags</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_commands.py" line="94"/>
        <source>无法添加标签</source>
        <translation>Cannot add the tags</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_commands.py" line="108"/>
        <source>无法确定要导出的文章</source>
        <translation>Cannot tell which articles to export</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_commands.py" line="104"/>
        <location filename="../../reader/ui/annotation_commands.py" line="112"/>
        <source>先选中要导出的文章、标签或搜索结果。</source>
        <translation>First select the articles, tag or search results to export.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_commands.py" line="127"/>
        <source>先在文章里选中要复制的文字。</source>
        <translation>First select the text to copy in the article.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_commands.py" line="132"/>
        <source>已复制，并附上引用。</source>
        <translation>Copied, with the citation.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_commands.py" line="117"/>
        <source>无法读取阅读状态</source>
        <extracomment>Articles whose reading place is remembered. the open article&apos;s place, followed as the reader scrolls (the pane has moved on to the next article by the time `article_changed` reaches this object)</extracomment>
        <translation>Cannot read the reading state</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_commands.py" line="123"/>
        <source>★ 星标</source>
        <translation>★ Starred</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_commands.py" line="124"/>
        <source>已读</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_commands.py" line="124"/>
        <source>未读</source>
        <translation>Unread</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_commands.py" line="137"/>
        <source>无法标为已读</source>
        <translation>Cannot mark the article read</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_commands.py" line="150"/>
        <source>无法更改阅读状态</source>
        <translation>Cannot change the reading state</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_commands.py" line="162"/>
        <source>无法更改星标</source>
        <translation>Cannot change the star</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_commands.py" line="172"/>
        <source>没有未读的文章了。</source>
        <translation>No unread articles left.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_commands.py" line="177"/>
        <source>无法找到下一篇未读</source>
        <translation>Cannot find the next unread article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/navigator.py" line="61"/>
        <source>收藏的检索</source>
        <translation>Saved searches</translation>
    </message>
    <message>
        <location filename="../../reader/ui/retranslation.py" line="54"/>
        <source>找不到 {} 的界面翻译。</source>
        <translation>No interface translation for {} was found.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/retranslation.py" line="55"/>
        <source>界面语言已切换为 {}。</source>
        <translation>The interface language is now {}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="77"/>
        <source>更正(&amp;C)</source>
        <translation>&amp;Corrections</translation>
    </message>
</context>
<context>
    <name>MessageChannel</name>
    <message>
        <location filename="../../reader/ui/messages.py" line="54"/>
        <source>发生了意外错误，详情已写入日志</source>
        <extracomment>How long a message stays in the status bar, in milliseconds (errors stay until replaced).</extracomment>
        <translation>an unexpected error occurred; the details are in the log</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="55"/>
        <source>{what}：{reason}。</source>
        <translation>{what}: {reason}.</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../reader/ui/note_editor.py" line="30"/>
        <source>笔记（自动保存；支持简单的 Markdown）</source>
        <extracomment>Milliseconds of quiet typing before the note is written. another article&apos;s note was loaded</extracomment>
        <translation>Note (saved automatically; simple Markdown works)</translation>
    </message>
</context>
<context>
    <name>NoteView</name>
    <message>
        <location filename="../../reader/ui/note_view.py" line="75"/>
        <source>图片</source>
        <translation>Image</translation>
    </message>
</context>
<context>
    <name>NotesView</name>
    <message>
        <location filename="../../reader/ui/notes_view.py" line="34"/>
        <source>还没有批注。写下笔记、划线或加上标签的文章会列在这里。</source>
        <extracomment>the list was read and shown</extracomment>
        <translation>No annotations yet. Articles you write a note on, highlight or tag are listed here.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_view.py" line="46"/>
        <source>无法读取批注</source>
        <translation>Cannot read the annotations</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_view.py" line="54"/>
        <source>笔记</source>
        <translation>note</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/notes_view.py" line="56"/>
        <source>%n 处划线</source>
        <translation>
            <numerusform>%n highlight</numerusform>
            <numerusform>%n highlights</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/notes_view.py" line="58"/>
        <source>%n 个标签</source>
        <translation>
            <numerusform>%n tag</numerusform>
            <numerusform>%n tags</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PageMetaDialog</name>
    <message>
        <location filename="../../reader/ui/metadata_dialog.py" line="37"/>
        <source>报纸</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../reader/ui/metadata_dialog.py" line="38"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/metadata_dialog.py" line="39"/>
        <source>版别</source>
        <translation>Edition</translation>
    </message>
    <message>
        <location filename="../../reader/ui/metadata_dialog.py" line="40"/>
        <source>版次</source>
        <translation>Page number</translation>
    </message>
    <message>
        <location filename="../../reader/ui/metadata_dialog.py" line="41"/>
        <source>版名</source>
        <translation>Page name</translation>
    </message>
    <message>
        <location filename="../../reader/ui/metadata_dialog.py" line="52"/>
        <source>编辑版面信息</source>
        <translation>Edit Page Details</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/metadata_dialog.py" line="56"/>
        <source>修改这 %n 个版面；只改动你填写的项目，清空一项则恢复文件中的信息。</source>
        <translation>
            <numerusform>Change this page: only the fields you fill in change; emptying a field brings back what the file says.</numerusform>
            <numerusform>Change these %n pages: only the fields you fill in change; emptying a field brings back what the file says.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/metadata_dialog.py" line="58"/>
        <source>修改这个版面；清空一项则恢复文件中的信息。</source>
        <translation>Change this page; emptying a field brings back what the file says.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/metadata_dialog.py" line="69"/>
        <source>（多个值，不填则不变）</source>
        <translation>(several values; left empty, unchanged)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/metadata_dialog.py" line="71"/>
        <source>由你设定</source>
        <translation>Set by you</translation>
    </message>
    <message>
        <location filename="../../reader/ui/metadata_dialog.py" line="78"/>
        <source>只能为单个版面填写</source>
        <translation>Only for a single page</translation>
    </message>
    <message>
        <location filename="../../reader/ui/metadata_dialog.py" line="114"/>
        <source>“{}”不是日期，请写成 2025-01-07。</source>
        <translation>“{}” is not a date; write it as 2025-01-07.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/metadata_dialog.py" line="120"/>
        <source>“{}”不是版次，请写成 19。</source>
        <translation>“{}” is not a page number; write it as 19.</translation>
    </message>
</context>
<context>
    <name>PageReading</name>
    <message>
        <location filename="../../reader/ui/page_view.py" line="155"/>
        <location filename="../../reader/ui/page_view.py" line="174"/>
        <source>无法读取这一版</source>
        <extracomment>a page is on screen (its id)</extracomment>
        <translation>Could not read this page</translation>
    </message>
</context>
<context>
    <name>ParagraphTextDialog</name>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="79"/>
        <source>修改第 {} 段文字</source>
        <translation>Correct the Text of Paragraph {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="82"/>
        <source>改正提取错误；原文会保留，随时可以恢复。</source>
        <translation>Correct what the extraction got wrong; the original is kept and can be restored at any time.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="93"/>
        <source>原文（解析所得）：</source>
        <translation>Original (as parsed):</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="99"/>
        <source>恢复原文</source>
        <translation>Restore the Original</translation>
    </message>
</context>
<context>
    <name>ProgressPresenter</name>
    <message>
        <location filename="../../reader/ui/progress.py" line="33"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/progress.py" line="54"/>
        <source>正在读取文件…</source>
        <translation>Reading files…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/progress.py" line="56"/>
        <source>正在更新搜索索引…</source>
        <translation>Updating the search index…</translation>
    </message>
</context>
<context>
    <name>ReadingPlace</name>
    <message>
        <source>无法记住阅读位置</source>
        <translation>Could not remember the reading place</translation>
    </message>
</context>
<context>
    <name>ReadingSettingsDialog</name>
    <message>
        <source>阅读设置</source>
        <translation>Reading Settings</translation>
    </message>
    <message>
        <source>阅读设置…</source>
        <translation>Reading Settings…</translation>
    </message>
    <message>
        <source>字体、字号、行距、对齐、缩进、标点</source>
        <translation>Font, size, line spacing, alignment, indent, punctuation</translation>
    </message>
    <message>
        <source>默认（思源宋体）</source>
        <translation>Default (Noto Serif CJK)</translation>
    </message>
    <message>
        <source> 磅</source>
        <translation> pt</translation>
    </message>
    <message>
        <source> 倍</source>
        <translation>×</translation>
    </message>
    <message>
        <source>两端对齐（不勾选：左对齐，右边参差）</source>
        <translation>Justified (unticked: flush left, ragged right)</translation>
    </message>
    <message>
        <source>段首空两格</source>
        <translation>Indent each paragraph by two characters</translation>
    </message>
    <message>
        <source>中文里的半角标点显示为全角（，：；？！（））</source>
        <translation>Show ASCII punctuation in Chinese text full width (, : ; ? ! ( ))</translation>
    </message>
    <message>
        <source>只改变显示：保存的原文、搜索和划线都不受影响。</source>
        <translation>Only the display changes: the stored text, search and highlights stay as they are.</translation>
    </message>
    <message>
        <source>字体</source>
        <translation>Font</translation>
    </message>
    <message>
        <source>字号</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>行距</source>
        <translation>Line spacing</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>恢复默认</source>
        <translation>Restore Defaults</translation>
    </message>
</context>
<context>
    <name>RecentImports</name>
    <message>
        <source>最近导入</source>
        <translation>Recent Imports</translation>
    </message>
    <message numerus="yes">
        <source>%n 个文件</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 篇文章</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 个失败</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message>
        <source>{when}　{what}</source>
        <translation>{when}  {what}</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>还没有导入过文件</source>
        <translation>No imports yet</translation>
    </message>
    <message>
        <source>无法读取最近导入</source>
        <translation>Could not read the recent imports</translation>
    </message>
    <message>
        <source>这次导入的记录已不在书库中。</source>
        <translation>That import is no longer in the library's log.</translation>
    </message>
    <message>
        <source>导入结果（{}）</source>
        <translation>Import Results ({})</translation>
    </message>
    <message>
        <source>无法读取这次导入的结果</source>
        <translation>Could not read that import's results</translation>
    </message>
</context>
<context>
    <name>RenamePaperDialog</name>
    <message>
        <location filename="../../reader/ui/metadata_dialog.py" line="144"/>
        <source>重命名报纸</source>
        <translation>Rename Paper</translation>
    </message>
    <message>
        <location filename="../../reader/ui/metadata_dialog.py" line="158"/>
        <source>新报名</source>
        <translation>New name</translation>
    </message>
    <message>
        <location filename="../../reader/ui/metadata_dialog.py" line="173"/>
        <source>书库中已有“{}”：两份报纸将合并为一份。</source>
        <translation>“{}” is already in the library: the two papers will be merged into one.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/metadata_dialog.py" line="175"/>
        <source>“{}”的所有版面都将归入“{}”。</source>
        <translation>Every page of “{}” will be filed under “{}”.</translation>
    </message>
</context>
<context>
    <name>RenderedNote</name>
    <message>
        <location filename="../../reader/ui/note_view.py" line="34"/>
        <source>点击编辑笔记</source>
        <translation>Click to edit the note</translation>
    </message>
</context>
<context>
    <name>RescueDialog</name>
    <message>
        <location filename="../../reader/ui/library_rescue.py" line="50"/>
        <source>书库需要恢复</source>
        <extracomment>What opening may find that a backup can repair.</extracomment>
        <translation>The library needs restoring</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_rescue.py" line="53"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/library_rescue.py" line="53"/>
        <source>%n 篇文章</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/library_rescue.py" line="54"/>
        <source>%n 条笔记</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/library_rescue.py" line="55"/>
        <source>%n 个标签</source>
        <translation>
            <numerusform>%n tag</numerusform>
            <numerusform>%n tags</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_rescue.py" line="57"/>
        <source>最新的完好备份：{day}（{holds}）。恢复后，现在的书库文件会另存一份，不会删除。</source>
        <translation>The newest good backup: {day} ({holds}). When it is restored, the current library file is kept as a copy, not deleted.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_rescue.py" line="65"/>
        <source>恢复这个备份</source>
        <translation>Restore this backup</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_rescue.py" line="66"/>
        <source>暂不恢复</source>
        <translation>Not now</translation>
    </message>
</context>
<context>
    <name>ResearchPage</name>
    <message>
        <location filename="../../reader/ui/research_page.py" line="39"/>
        <source>按相关度</source>
        <extracomment>The sorts (reader.app.research.SORTS) with their names.</extracomment>
        <translation>By relevance</translation>
    </message>
    <message>
        <location filename="../../reader/ui/research_page.py" line="40"/>
        <source>最新在前</source>
        <translation>Newest first</translation>
    </message>
    <message>
        <location filename="../../reader/ui/research_page.py" line="41"/>
        <source>最早在前</source>
        <translation>Oldest first</translation>
    </message>
    <message>
        <location filename="../../reader/ui/research_page.py" line="102"/>
        <source>☆ 收藏</source>
        <extracomment>called with each query narrowed or opened, to remember it (the window&apos;s history)</extracomment>
        <translation>☆ Save</translation>
    </message>
    <message>
        <location filename="../../reader/ui/research_page.py" line="103"/>
        <source>把这个检索收藏到导航栏的“收藏的检索”</source>
        <translation>Keep this search under Saved searches in the navigator</translation>
    </message>
    <message>
        <location filename="../../reader/ui/research_page.py" line="111"/>
        <source>语境</source>
        <extracomment>asks the saved search&apos;s name (title, label, text) → name or None; tests replace it the window&apos;s operations (set by `SearchWiring`), for saving</extracomment>
        <translation>Concordance</translation>
    </message>
    <message>
        <location filename="../../reader/ui/research_page.py" line="112"/>
        <source>语境索引：每一处出现，检索词居中（KWIC）</source>
        <translation>Concordance: every occurrence, the hit centred (KWIC)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/research_page.py" line="116"/>
        <source>趋势</source>
        <translation>Trends</translation>
    </message>
    <message>
        <location filename="../../reader/ui/research_page.py" line="117"/>
        <source>这些词语按月或按年出现的多少</source>
        <translation>How often these words occur per month or year</translation>
    </message>
    <message>
        <location filename="../../reader/ui/research_page.py" line="127"/>
        <source>排序</source>
        <extracomment>opens an article with its text [start, end) selected (set by `SearchWiring`) the window&apos;s message channel (set by `SearchWiring`)</extracomment>
        <translation>Sort</translation>
    </message>
    <message>
        <location filename="../../reader/ui/research_page.py" line="178"/>
        <source>收藏检索</source>
        <translation>Save search</translation>
    </message>
    <message>
        <location filename="../../reader/ui/research_page.py" line="178"/>
        <source>名称：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/research_page.py" line="183"/>
        <source>无法收藏这个检索</source>
        <translation>Cannot save this search</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message numerus="yes">
        <location filename="../../reader/ui/results_view.py" line="60"/>
        <source>，显示前 %n 条</source>
        <extracomment>Its texts were the window&apos;s (and the selection&apos;s) before the page had a class of its own: they keep those translation contexts, so their translations still apply. a result was opened (its article id)</extracomment>
        <translation>
            <numerusform>, the first %n shown</numerusform>
            <numerusform>, the first %n shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/results_view.py" line="70"/>
        <source>“{}”：前 %n 条结果，正在计数…（Esc 返回目录）</source>
        <translation>
            <numerusform>“{}”: the top %n result, counting all… (Esc returns to the contents)</numerusform>
            <numerusform>“{}”: the top %n results, counting all… (Esc returns to the contents)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/results_view.py" line="74"/>
        <source>“{}”：共 %n 条结果{}（Esc 返回目录）</source>
        <translation>
            <numerusform>“{}”: %n result{} (Esc returns to the contents)</numerusform>
            <numerusform>“{}”: %n results{} (Esc returns to the contents)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/results_view.py" line="124"/>
        <source>所选的 %n 条搜索结果</source>
        <translation>
            <numerusform>The %n selected search result</numerusform>
            <numerusform>The %n selected search results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SavedSearchesView</name>
    <message>
        <location filename="../../reader/ui/saved_searches_view.py" line="55"/>
        <source>还没有收藏的检索。检索后点结果上方的“收藏”。</source>
        <extracomment>(query, sort) to run in the search bar the list was read and shown asks for a new name (title, label, text) → text or None; tests replace it</extracomment>
        <translation>No saved searches yet. Search, then click “Save” above the results.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/saved_searches_view.py" line="80"/>
        <source>无法读取收藏的检索</source>
        <translation>Cannot read the saved searches</translation>
    </message>
    <message>
        <location filename="../../reader/ui/saved_searches_view.py" line="119"/>
        <source>重命名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/saved_searches_view.py" line="120"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../reader/ui/saved_searches_view.py" line="132"/>
        <source>重命名收藏的检索</source>
        <translation>Rename saved search</translation>
    </message>
    <message>
        <location filename="../../reader/ui/saved_searches_view.py" line="132"/>
        <source>新名称：</source>
        <translation>New name:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/saved_searches_view.py" line="136"/>
        <source>无法重命名收藏的检索</source>
        <translation>Cannot rename the saved search</translation>
    </message>
    <message>
        <location filename="../../reader/ui/saved_searches_view.py" line="141"/>
        <source>无法删除收藏的检索</source>
        <translation>Cannot delete the saved search</translation>
    </message>
    <message>
        <location filename="../../reader/ui/saved_searches_view.py" line="142"/>
        <source>已删除收藏的检索“{}”（Ctrl+Z 可撤销）。</source>
        <translation>Deleted the saved search “{}” (Ctrl+Z undoes it).</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <location filename="../../reader/ui/search.py" line="93"/>
        <location filename="../../reader/ui/search.py" line="109"/>
        <source>搜索失败</source>
        <extracomment>(query text, SearchOutcome) of the newest request the search bar was emptied (query text as searched, ResearchOutcome) of the newest request: facets and sort the order of the results (one of reader.app.research.SORTS) where the typed words are looked for (one of reader.app.research.SCOPES)</extracomment>
        <translation>Search failed</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../reader/ui/results_model.py" line="138"/>
        <source>标签：{}</source>
        <extracomment>The snippet with its hit markers, for the delegate.</extracomment>
        <translation>Tags: {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/results_model.py" line="137"/>
        <source>✎ 已更正</source>
        <translation>✎ Corrected</translation>
    </message>
</context>
<context>
    <name>SearchTools</name>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="25"/>
        <source>全文</source>
        <extracomment>The search-in choices (reader.app.research.SCOPES) with their names.</extracomment>
        <translation>Everywhere</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="26"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="27"/>
        <source>作者</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="28"/>
        <source>笔记</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="82"/>
        <source>在哪里检索输入的词语</source>
        <extracomment>How many recent queries are kept.</extracomment>
        <translation>Where the typed words are looked for</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="98"/>
        <source>历史</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="99"/>
        <source>最近的检索（空白搜索框中按 ↑ / ↓）</source>
        <translation>Recent searches (↑ / ↓ in the empty search field)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="108"/>
        <source>检索语法</source>
        <translation>Search syntax</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="146"/>
        <source>还没有检索过</source>
        <translation>No searches yet</translation>
    </message>
</context>
<context>
    <name>Selection</name>
    <message>
        <location filename="../../reader/ui/authors_view.py" line="127"/>
        <source>作者“{}”</source>
        <translation>Author “{}”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_view.py" line="76"/>
        <source>批注过的文章</source>
        <translation>Annotated articles</translation>
    </message>
    <message>
        <location filename="../../reader/ui/results_view.py" line="127"/>
        <location filename="../../reader/ui/saved_searches_view.py" line="158"/>
        <source>搜索“{}”</source>
        <translation>Search “{}”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="140"/>
        <source>标签“{}”</source>
        <translation>Tag “{}”</translation>
    </message>
</context>
<context>
    <name>SyntaxHelp</name>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="192"/>
        <source>两个词都出现</source>
        <translation>both words occur</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="193"/>
        <source>出现其中一个</source>
        <translation>either occurs</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="194"/>
        <source>不含这个词</source>
        <translation>without this word</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="195"/>
        <source>整句原样出现</source>
        <translation>the exact text, spaces included</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="196"/>
        <source>只在标题中</source>
        <translation>in the title only</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="197"/>
        <source>作者名含有</source>
        <translation>an author&apos;s name contains</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="198"/>
        <source>只在自己的笔记中</source>
        <translation>in your own notes only</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="199"/>
        <source>带有这个标签</source>
        <translation>carries this tag</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="200"/>
        <source>栏目</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="201"/>
        <source>报纸、版名（page:19 为版次）</source>
        <translation>paper, page name (page:19 is the page number)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="202"/>
        <source>体裁：文章、评论、图片、简讯、语录、来信</source>
        <translation>kind: article, commentary, photo, briefs, quotes, letter</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="203"/>
        <source>日期或日期范围</source>
        <translation>a date or a range of dates</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="204"/>
        <source>有笔记、有划线</source>
        <translation>has a note, has a highlight</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="205"/>
        <source>筛选也可以排除</source>
        <translation>filters can exclude too</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="209"/>
        <source>检索语法</source>
        <translation>Search syntax</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_tools.py" line="210"/>
        <source>左侧的分面可以一键加上筛选；点筛选标签上的 × 去掉。</source>
        <translation>Click a facet on the left to add its filter; click the × on a filter chip to remove it.</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <location filename="../../reader/ui/tag_editor.py" line="39"/>
        <source>添加标签（回车确认，可输入拼音首字母）</source>
        <translation>Add a tag (Enter to confirm; pinyin initials work)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_editor.py" line="68"/>
        <source>去掉标签“{}”</source>
        <translation>Remove the tag “{}”</translation>
    </message>
</context>
<context>
    <name>TagPrompt</name>
    <message>
        <location filename="../../reader/ui/tag_prompt.py" line="39"/>
        <source>加标签</source>
        <extracomment>Separator added after a taken tag, so the next one can be typed at once.</extracomment>
        <translation>Add tags</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/tag_prompt.py" line="43"/>
        <source>给所选的 %n 篇文章加标签（多个标签用逗号分开）：</source>
        <translation>
            <numerusform>Tags for the %n selected article (separate several with commas):</numerusform>
            <numerusform>Tags for the %n selected articles (separate several with commas):</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_prompt.py" line="62"/>
        <source>已有的标签（双击加入）</source>
        <translation>Existing tags (double-click to add)</translation>
    </message>
</context>
<context>
    <name>TagsView</name>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="63"/>
        <source>还没有标签。在文章右侧的标签栏输入名称即可添加。</source>
        <extracomment>the tag list was read and shown</extracomment>
        <translation>No tags yet. To add one, type its name in the tag field to the right of an article.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="85"/>
        <source>无法读取标签</source>
        <translation>Cannot read the tags</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="128"/>
        <source>无法读取标签下的文章</source>
        <translation>Cannot read the tag&apos;s articles</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="146"/>
        <source>重命名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="147"/>
        <source>设置颜色…</source>
        <translation>Set Colour…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="149"/>
        <source>删除标签…</source>
        <translation>Delete Tag…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="161"/>
        <source>重命名标签</source>
        <translation>Rename Tag</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="161"/>
        <source>新名称：</source>
        <translation>New name:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="167"/>
        <source>合并标签</source>
        <translation>Merge Tags</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="168"/>
        <source>已经有标签“{}”。把“{}”合并进去吗？</source>
        <translation>There is already a tag “{}”. Merge “{}” into it?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="171"/>
        <source>无法重命名标签</source>
        <translation>Cannot rename the tag</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="187"/>
        <source>无法设置标签颜色</source>
        <translation>Cannot set the tag&apos;s colour</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="190"/>
        <source>删除标签</source>
        <translation>Delete Tag</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="191"/>
        <source>删除标签“{}”吗？文章本身不受影响（Ctrl+Z 可撤销）。</source>
        <translation>Delete the tag “{}”? The articles themselves are not affected (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="193"/>
        <source>无法删除标签</source>
        <translation>Cannot delete the tag</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="199"/>
        <source>“{}”的颜色</source>
        <translation>Colour of “{}”</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../reader/ui/trend_chart.py" line="120"/>
        <source>没有数据</source>
        <extracomment>Series colours, readable on light and dark backgrounds. How close (pixels) a click must be to a point to pick it. a point was clicked: (period, term)</extracomment>
        <translation>No data</translation>
    </message>
</context>
<context>
    <name>TrendView</name>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="38"/>
        <source>每千篇文章中的篇数</source>
        <extracomment>What the chart shows: the TrendPoint field and its name.</extracomment>
        <translation>Articles per 1,000 articles</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="39"/>
        <source>文章篇数</source>
        <translation>Articles</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="40"/>
        <source>出现次数</source>
        <translation>Occurrences</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="43"/>
        <source>按年</source>
        <translation>By year</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="44"/>
        <source>按月</source>
        <translation>By month</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="71"/>
        <source>趋势</source>
        <extracomment>a point was clicked: the search listing its articles the numbers of a request were read and drawn</extracomment>
        <translation>Trends</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="78"/>
        <source>词语，用空格分开：党建引领 网格</source>
        <extracomment>asks where to save (title, suggested name, filter) → path or None; tests replace it</extracomment>
        <translation>Words, separated by spaces: 党建引领 网格</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="81"/>
        <source>筛选（可空）：column:观潮 date:2020..2024</source>
        <translation>Filters (optional): column:观潮 date:2020..2024</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="91"/>
        <source>导出图片…</source>
        <translation>Export image…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="93"/>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="130"/>
        <source>输入要统计的词语。</source>
        <translation>Type the words to count.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="143"/>
        <source>正在统计……</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="144"/>
        <source>无法统计趋势</source>
        <translation>Cannot count the trends</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="155"/>
        <source>趋势：{}</source>
        <translation>Trends: {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="157"/>
        <source>点击一个点，在检索结果中列出那个时期的文章。</source>
        <translation>Click a point to list that period’s articles in the search results.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="159"/>
        <source>另有日期不明的文章：{}。</source>
        <translation> Undated articles besides: {}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="160"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="170"/>
        <source>导出趋势图</source>
        <translation>Export trend chart</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="170"/>
        <source>PNG 图片 (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="174"/>
        <source>无法写入图片 {}。</source>
        <translation>Cannot write the image {}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="176"/>
        <location filename="../../reader/ui/trend_view.py" line="189"/>
        <source>已导出到 {}</source>
        <translation>Exported to {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="181"/>
        <source>导出趋势数据</source>
        <translation>Export trend data</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="181"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trend_view.py" line="187"/>
        <source>无法导出趋势数据</source>
        <translation>Cannot export the trend data</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="35"/>
        <source>添加标签 {}</source>
        <translation>Add tag {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="36"/>
        <source>移除标签 {}</source>
        <translation>Remove tag {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="37"/>
        <source>重命名标签 {} → {}</source>
        <translation>Rename tag {} → {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="38"/>
        <source>合并标签 {} → {}</source>
        <translation>Merge tag {} into {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="39"/>
        <source>删除标签 {}</source>
        <translation>Delete tag {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="40"/>
        <source>更改标签颜色 {}</source>
        <translation>Recolour tag {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="41"/>
        <source>添加高亮 {}</source>
        <translation>Highlight {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="42"/>
        <source>删除高亮 {}</source>
        <translation>Delete highlight {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="43"/>
        <source>更改高亮颜色 {}</source>
        <translation>Recolour highlight {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="44"/>
        <source>修改版面 {}</source>
        <translation>Edit page {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="45"/>
        <source>修改这一期 {}</source>
        <translation>Edit issue {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="46"/>
        <source>重命名报纸 {} → {}</source>
        <translation>Rename paper {} → {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="47"/>
        <source>合并报纸 {} → {}</source>
        <translation>Merge paper {} into {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="70"/>
        <source>、</source>
        <extracomment>The widgets whose own undo would otherwise take Ctrl+Z.</extracomment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="48"/>
        <source>收藏检索 {}</source>
        <translation>Save search {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="49"/>
        <source>重命名收藏的检索 {} → {}</source>
        <translation>Rename saved search {} → {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="50"/>
        <source>删除收藏的检索 {}</source>
        <translation>Delete saved search {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="51"/>
        <source>拆分文章 {}</source>
        <translation>Split article {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="52"/>
        <source>合并文章 {}</source>
        <translation>Merge articles {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="53"/>
        <source>更改行的角色 {}</source>
        <translation>Change line role {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="54"/>
        <source>移动段落 {}</source>
        <translation>Move paragraph {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="55"/>
        <source>修改标题 {}</source>
        <translation>Change title {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="56"/>
        <source>修改文章类型 {}</source>
        <translation>Change kind {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="57"/>
        <source>修改栏目 {}</source>
        <translation>Change column {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="58"/>
        <source>修改作者 {}</source>
        <translation>Change authors {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="59"/>
        <source>修改段落文字 {}</source>
        <translation>Correct text {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="60"/>
        <source>恢复原文 {}</source>
        <translation>Restore original text {}</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <location filename="../../reader/ui/wording.py" line="29"/>
        <source>日期不详</source>
        <translation>Date unknown</translation>
    </message>
    <message>
        <location filename="../../reader/ui/wording.py" line="30"/>
        <source>报纸不详</source>
        <translation>Unknown paper</translation>
    </message>
    <message>
        <location filename="../../reader/ui/wording.py" line="31"/>
        <source>出处不详</source>
        <translation>Source unknown</translation>
    </message>
    <message>
        <location filename="../../reader/ui/wording.py" line="34"/>
        <source>约{}</source>
        <extracomment>A date only inferred from the text: its words inside (约2024年1月 / c. Jan 2024).</extracomment>
        <translation>c. {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/wording.py" line="35"/>
        <source>第{}版</source>
        <translation>p. {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/wording.py" line="37"/>
        <source>{}等</source>
        <extracomment>A page without number or name is called by its first headline &quot;and others&quot;.</extracomment>
        <translation>{} etc.</translation>
    </message>
</context>
<context>
    <name>Titles</name>
    <message>
        <source>「无题」</source>
        <translation>Untitled</translation>
    </message>
</context>
</TS>
