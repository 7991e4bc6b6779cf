<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AnnotationPanel</name>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="42"/>
        <source>标签</source>
        <extracomment>a highlight was picked in the list (the Highlight) (title, label, text) → new text or None if cancelled; tests replace it</extracomment>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="44"/>
        <source>笔记</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="46"/>
        <location filename="../../reader/ui/annotation_panel.py" line="108"/>
        <source>划线</source>
        <translation>Highlights</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="107"/>
        <source>划线（{}）</source>
        <translation>Highlights ({})</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="102"/>
        <source>无法读取标签</source>
        <translation>Cannot read the tags</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="124"/>
        <source>无法添加标签</source>
        <translation>Cannot add the tags</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="128"/>
        <source>无法去掉标签</source>
        <translation>Cannot remove the tag</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="140"/>
        <location filename="../../reader/ui/annotation_panel.py" line="142"/>
        <source>笔记没有保存</source>
        <translation>The note was not saved</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="149"/>
        <source>无法划线</source>
        <translation>Cannot add the highlight</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="156"/>
        <source>无法删除划线</source>
        <translation>Cannot delete the highlight</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="158"/>
        <source>划线已删除（Ctrl+Z 撤销）。</source>
        <translation>Highlight deleted (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="166"/>
        <source>划线笔记</source>
        <translation>Highlight Note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="169"/>
        <source>无法保存划线笔记</source>
        <translation>Cannot save the highlight note</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../reader/ui/article_view.py" line="65"/>
        <source>黄色</source>
        <extracomment>Base size of the body text in points at zoom 0, the zoom step, and the zoom limits. Qt&apos;s proportional line height multiplies the font&apos;s own line spacing, which for the Noto CJK faces is already about 1.45em: 118% of it gives the ~1.7em a Chinese page wants. The readable measure, in ems of the body text. Highlight colours: stored name → (menu label, light background, dark background).</extracomment>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="66"/>
        <source>绿色</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="67"/>
        <source>蓝色</source>
        <translation>Blue</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="68"/>
        <source>粉色</source>
        <translation>Pink</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="198"/>
        <source>在左侧选择一篇文章</source>
        <extracomment>(current hit, 1-based, or 0 before the first step; number of hits) the reader asked to highlight the selection: (start, end, colour) in article text offsets the reader asked to copy the selection with the article&apos;s citation</extracomment>
        <translation>Choose an article on the left</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="401"/>
        <source>复制（附引用）</source>
        <translation>Copy with Citation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="407"/>
        <source>划线（{}）</source>
        <translation>Highlight ({})</translation>
    </message>
</context>
<context>
    <name>AuthorsView</name>
    <message>
        <location filename="../../reader/ui/authors_view.py" line="44"/>
        <source>筛选作者</source>
        <extracomment>the author list was read and shown</extracomment>
        <translation>Filter authors</translation>
    </message>
    <message>
        <location filename="../../reader/ui/authors_view.py" line="78"/>
        <source>无法读取作者</source>
        <translation>Cannot read the authors</translation>
    </message>
    <message>
        <location filename="../../reader/ui/authors_view.py" line="119"/>
        <source>无法读取作者的文章</source>
        <translation>Cannot read the author&apos;s articles</translation>
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
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="94"/>
        <location filename="../../reader/ui/export_dialog.py" line="340"/>
        <source>导出</source>
        <extracomment>How many lines of the export the preview shows: about one screenful. Emitted with the `ExportReport` once files are written. Emitted whenever the preview text and counts are refreshed.</extracomment>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="115"/>
        <source>纯文本 (.txt)</source>
        <translation>Plain text (.txt)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="116"/>
        <source>Markdown (.md)</source>
        <translation>Markdown (.md)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="118"/>
        <source>一个文件</source>
        <translation>One file</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="119"/>
        <source>文件夹，每篇一个文件</source>
        <translation>A folder, one file per article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="121"/>
        <source>版面顺序</source>
        <translation>Page order</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="121"/>
        <source>日期（新→旧）</source>
        <translation>Date (newest first)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="122"/>
        <source>搜索排名（选择时的顺序）</source>
        <translation>Search rank (order when selected)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="124"/>
        <source>标题信息（栏目、作者、出处）</source>
        <translation>Heading (column, author, source)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="124"/>
        <source>正文</source>
        <translation>Body text</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="125"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="125"/>
        <source>笔记</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="126"/>
        <source>划线及批注</source>
        <translation>Highlights and their notes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="128"/>
        <source>仅导出划线（略去没有划线的文章）</source>
        <translation>Highlights only (skip articles without highlights)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="135"/>
        <source>格式：</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="136"/>
        <source>写入：</source>
        <translation>Write to:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="137"/>
        <source>内容：</source>
        <translation>Include:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="138"/>
        <source>顺序：</source>
        <translation>Order:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="142"/>
        <source>正在读取所选文章…</source>
        <translation>Reading the selected articles…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="147"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="148"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="156"/>
        <source>所选：{}</source>
        <translation>Selection: {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="222"/>
        <source>无法读取所选文章</source>
        <translation>Cannot read the selected articles</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="231"/>
        <source>{} 篇文章，{} 字</source>
        <translation>{} articles, {} characters</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="233"/>
        <source>，{} 个文件</source>
        <translation>, {} files</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="235"/>
        <source>（{} 篇没有划线，不导出）</source>
        <translation> ({} without highlights, not exported)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="269"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="269"/>
        <source>正在导出：{}</source>
        <translation>Exporting: {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="281"/>
        <source>导出已取消，没有写入任何文件。</source>
        <translation>Export cancelled; no files were written.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="292"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="300"/>
        <source>发生了意外错误，详情已写入日志</source>
        <translation>an unexpected error occurred; the details are in the log</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="302"/>
        <source>{what}：{reason}。</source>
        <translation>{what}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="323"/>
        <source>选择导出到的文件夹</source>
        <translation>Choose the Export Folder</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="326"/>
        <source>纯文本 (*.txt)</source>
        <translation>Plain text (*.txt)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="327"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="330"/>
        <source>导出到文件</source>
        <translation>Export to File</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="336"/>
        <source>{} 已存在。要替换它吗？</source>
        <translation>{} already exists. Replace it?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="338"/>
        <source>{} 个文件已存在（例如 {}）。要替换它们吗？</source>
        <translation>{} files already exist (for example {}). Replace them?</translation>
    </message>
</context>
<context>
    <name>HighlightList</name>
    <message>
        <location filename="../../reader/ui/highlight_list.py" line="57"/>
        <source>〔已失位〕</source>
        <extracomment>Characters of the quote shown per row.</extracomment>
        <translation>[not found] </translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlight_list.py" line="64"/>
        <source>重新解析后找不到这段文字了；划线和它的笔记都保留着。</source>
        <translation>This passage can no longer be found after re-parsing; the highlight and its note are kept.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlight_list.py" line="85"/>
        <source>编辑划线笔记…</source>
        <translation>Edit Highlight Note…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlight_list.py" line="86"/>
        <source>删除划线</source>
        <translation>Delete Highlight</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <location filename="../../reader/ui/import_report.py" line="24"/>
        <source>已导入，{} 篇文章</source>
        <translation>imported, {} articles</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_report.py" line="26"/>
        <source>已更新，{} 篇文章</source>
        <translation>updated, {} articles</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_report.py" line="28"/>
        <source>以前已导入，无变化</source>
        <translation>already imported, unchanged</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_report.py" line="31"/>
        <source>原因不明</source>
        <translation>reason unknown</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_report.py" line="32"/>
        <source>失败：{}</source>
        <translation>failed: {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_report.py" line="35"/>
        <source>{name}&#x3000;{what}（{path}）</source>
        <translation>{name}  {what} ({path})</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_report.py" line="42"/>
        <source>共 {total} 个文件：导入 {imported}，更新 {updated}，已有 {same}，失败 {failed}。</source>
        <translation>{total} files: {imported} imported, {updated} updated, {same} already imported, {failed} failed.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_report.py" line="58"/>
        <source>导入结果</source>
        <translation>Import Results</translation>
    </message>
</context>
<context>
    <name>IssueTreeModel</name>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="43"/>
        <source>标题</source>
        <extracomment>Roles a view or the window can ask for besides the display text.</extracomment>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="44"/>
        <source>栏目</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="45"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="47"/>
        <source>（无法读取）</source>
        <translation>(unreadable)</translation>
    </message>
</context>
<context>
    <name>IssuesView</name>
    <message>
        <location filename="../../reader/ui/issues_view.py" line="84"/>
        <location filename="../../reader/ui/issues_view.py" line="198"/>
        <source>无法读取目录</source>
        <translation>Cannot read the contents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/issues_view.py" line="89"/>
        <location filename="../../reader/ui/issues_view.py" line="91"/>
        <source>无法读取这一期的文章</source>
        <translation>Cannot read this issue&apos;s articles</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/window.py" line="76"/>
        <source>搜索… (Ctrl+K)</source>
        <extracomment>Source texts (Chinese); shown through `self.tr`, so translated when a translation is loaded.</extracomment>
        <translation>Search… (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="77"/>
        <source>正在准备搜索…</source>
        <translation>Preparing search…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="133"/>
        <source>导入文件</source>
        <extracomment>The tabs of the browsing page of the navigator (positions in NAVIGATOR_VIEWS). the session is open and the tree shows its issues the search index is in step; the search bar is enabled an article is shown in the pane (its id) the library is in use by another Reader (its folder); it was not opened an import started from the File menu has finished the search index was rebuilt from the library (a SyncReport) a mutation&apos;s Changes were handed to every view logs uncaught exceptions in the library&apos;s logs/ folder; `run()` installs it</extracomment>
        <translation>Import Files</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="133"/>
        <source>页面文本 (*.txt *.md);;所有文件 (*)</source>
        <translation>Page text (*.txt *.md);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="138"/>
        <source>关于 Reader</source>
        <extracomment>shows what an import did, file by file (non-modal); tests may replace it shows the about text (`about_text()`); tests replace it</extracomment>
        <translation>About Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="157"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="33"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="35"/>
        <source>导入文件…</source>
        <translation>Import Files…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="37"/>
        <source>重建搜索索引</source>
        <translation>Rebuild Search Index</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="42"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="45"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="47"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="49"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="52"/>
        <source>下一处</source>
        <translation>Next Match</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="54"/>
        <source>上一处</source>
        <translation>Previous Match</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="57"/>
        <source>复制（附引用）</source>
        <translation>Copy with Citation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="61"/>
        <location filename="../../reader/ui/window.py" line="416"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="64"/>
        <source>划线</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="66"/>
        <source>给所选文章加标签…</source>
        <translation>Tag Selected Articles…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="69"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="71"/>
        <source>下一篇</source>
        <translation>Next Article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="74"/>
        <source>上一篇</source>
        <translation>Previous Article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="77"/>
        <source>返回目录</source>
        <translation>Back to Contents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/navigator.py" line="55"/>
        <source>目录</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/navigator.py" line="56"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../reader/ui/navigator.py" line="57"/>
        <source>作者</source>
        <translation>Authors</translation>
    </message>
    <message>
        <location filename="../../reader/ui/navigator.py" line="58"/>
        <source>批注</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="85"/>
        <source>批注栏</source>
        <translation>Annotation Panel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="90"/>
        <source>放大</source>
        <translation>Zoom In</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="93"/>
        <source>缩小</source>
        <translation>Zoom Out</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="96"/>
        <source>还原</source>
        <translation>Actual Size</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="99"/>
        <source>深色主题</source>
        <translation>Dark Theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="102"/>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="104"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="106"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="232"/>
        <source>Reader {}：在自己的电脑上阅读、检索报纸版面。</source>
        <extracomment>the browsing views by key (&quot;issues&quot;, &quot;tags&quot;, …), in tab order</extracomment>
        <translation>Reader {}: read and search newspaper pages on your own computer.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="235"/>
        <source>书库：{}</source>
        <translation>Library: {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="237"/>
        <source>书库尚未打开。</source>
        <translation>The library is not open yet.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="251"/>
        <location filename="../../reader/ui/window.py" line="252"/>
        <source>无法读取书库统计</source>
        <translation>Cannot read the library&apos;s counts</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="240"/>
        <source>{issues} 期，{articles} 篇文章，{tags} 个标签，{notes} 条笔记，{highlights} 处划线。</source>
        <translation>{issues} issues, {articles} articles, {tags} tags, {notes} notes, {highlights} highlights.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="332"/>
        <location filename="../../reader/ui/window.py" line="333"/>
        <source>正在打开文库…</source>
        <translation>Opening the library…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="342"/>
        <source>这个书库正被另一个 Reader 窗口使用：{}（请先关闭那个窗口）</source>
        <translation>This library is in use by another Reader window: {} (close that window first)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="343"/>
        <location filename="../../reader/ui/window.py" line="361"/>
        <source>搜索不可用</source>
        <translation>Search unavailable</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="332"/>
        <location filename="../../reader/ui/window.py" line="451"/>
        <source>正在导入：{}</source>
        <translation>Importing: {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="360"/>
        <source>无法打开文库</source>
        <translation>Cannot open the library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="376"/>
        <source>导入已取消；下次打开时会接着导入。</source>
        <translation>Import cancelled; it will continue the next time the library opens.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="378"/>
        <source>文库已打开：{} 期。</source>
        <translation>Library open: {} issues.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="381"/>
        <source>无法准备搜索</source>
        <translation>Cannot prepare search</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="391"/>
        <source>搜索索引已更新，可以搜索了。</source>
        <translation>The search index is up to date; you can search now.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="404"/>
        <source>无法读取这篇文章</source>
        <translation>Cannot read this article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="426"/>
        <location filename="../../reader/ui/window.py" line="428"/>
        <source>无法重建索引</source>
        <translation>Cannot rebuild the index</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="429"/>
        <source>正在重建搜索索引…</source>
        <translation>Rebuilding the search index…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="434"/>
        <source>已取消重建索引；索引保持原样，下次打开时会再检查。</source>
        <translation>Rebuilding the index was cancelled; the index is as it was and will be checked again next time.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="436"/>
        <source>搜索索引已重建：{} 篇。</source>
        <translation>Search index rebuilt: {} articles.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="450"/>
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="451"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="459"/>
        <source>{} 个文件导入失败，例如 {}：{}</source>
        <translation>{} files could not be imported, for example {}: {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="462"/>
        <source>已导入 {} 个文件，{} 个无变化。</source>
        <translation>Imported {} files, {} unchanged.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="492"/>
        <location filename="../../reader/ui/window.py" line="495"/>
        <source>无法打开这篇文章</source>
        <translation>Cannot open this article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/results_view.py" line="58"/>
        <source>，显示前 {} 条</source>
        <extracomment>Its texts were the window&apos;s (and the selection&apos;s) before the page had a class of its own: they keep those translation contexts, so their translations still apply. a result was opened (its article id)</extracomment>
        <translation>, showing the first {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/results_view.py" line="59"/>
        <source>“{}”：共 {} 条结果{}（Esc 返回目录）</source>
        <translation>“{}”: {} results{} (Esc returns to the contents)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/results_view.py" line="63"/>
        <source>可以去掉筛选条件再试</source>
        <translation>try again without the filters</translation>
    </message>
    <message>
        <location filename="../../reader/ui/results_view.py" line="64"/>
        <source>可以换个说法再试</source>
        <translation>try other words</translation>
    </message>
    <message>
        <location filename="../../reader/ui/results_view.py" line="65"/>
        <source>没有找到“{}”，{}。</source>
        <translation>Nothing found for “{}”; {}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="547"/>
        <source>第 {}/{} 处（F3 下一处）</source>
        <translation>Match {}/{} (F3 for the next)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="549"/>
        <source>共 {} 处</source>
        <translation>{} matches</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="560"/>
        <source>界面语言将在重新启动 Reader 后切换为 {}。</source>
        <translation>The interface language changes to {} when Reader starts again.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="416"/>
        <source>撤销 {}</source>
        <translation>Undo {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_commands.py" line="73"/>
        <location filename="../../reader/ui/annotation_commands.py" line="77"/>
        <source>无法撤销</source>
        <translation>Cannot undo</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_commands.py" line="68"/>
        <source>没有可以撤销的标签或划线改动。</source>
        <extracomment>what Ctrl+Z would undo now (None: nothing) an Export… dialog was opened (the dialog) asks for tags to put on the selected articles (None: cancelled); tests replace it the Export… dialog&apos;s file chooser (None: the dialog&apos;s own); tests replace it</extracomment>
        <translation>There are no tag or highlight changes to undo.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_commands.py" line="70"/>
        <source>已撤销：{}</source>
        <translation>Undone: {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_commands.py" line="84"/>
        <source>先在文章里选中要划线的文字。</source>
        <translation>First select the text to highlight in the article.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_commands.py" line="90"/>
        <source>先选中要加标签的文章。</source>
        <translation>First select the articles to tag.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_commands.py" line="102"/>
        <source>无法添加标签</source>
        <translation>Cannot add the tags</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_commands.py" line="103"/>
        <source>已给 {} 篇文章加上标签：{}（Ctrl+Z 撤销）</source>
        <translation>Tagged {} articles: {} (Ctrl+Z to undo)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_commands.py" line="109"/>
        <source>加标签</source>
        <translation>Add Tags</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_commands.py" line="110"/>
        <source>给所选的 {} 篇文章加标签（多个标签用逗号分开）：</source>
        <translation>Tags for the {} selected articles (separate several with commas):</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_commands.py" line="125"/>
        <source>无法确定要导出的文章</source>
        <translation>Cannot tell which articles to export</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_commands.py" line="121"/>
        <location filename="../../reader/ui/annotation_commands.py" line="129"/>
        <source>先选中要导出的文章、标签或搜索结果。</source>
        <translation>First select the articles, tag or search results to export.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_commands.py" line="135"/>
        <source>导出完成：{} 篇文章。</source>
        <translation>Export finished: {} articles.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_commands.py" line="145"/>
        <source>先在文章里选中要复制的文字。</source>
        <translation>First select the text to copy in the article.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_commands.py" line="153"/>
        <source>无法读取这一期</source>
        <translation>Cannot read this issue</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_commands.py" line="150"/>
        <source>已复制，并附上引用。</source>
        <translation>Copied, with the citation.</translation>
    </message>
</context>
<context>
    <name>MessageChannel</name>
    <message>
        <location filename="../../reader/ui/messages.py" line="56"/>
        <source>发生了意外错误，详情已写入日志</source>
        <extracomment>How long a message stays in the status bar, in milliseconds (errors stay until replaced).</extracomment>
        <translation>an unexpected error occurred; the details are in the log</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="57"/>
        <source>{what}：{reason}。</source>
        <translation>{what}: {reason}.</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../reader/ui/note_editor.py" line="28"/>
        <source>笔记（自动保存；支持简单的 Markdown）</source>
        <extracomment>Milliseconds of quiet typing before the note is written.</extracomment>
        <translation>Note (saved automatically; simple Markdown works)</translation>
    </message>
</context>
<context>
    <name>NotesView</name>
    <message>
        <location filename="../../reader/ui/notes_view.py" line="33"/>
        <source>还没有批注。写下笔记、划线或加上标签的文章会列在这里。</source>
        <extracomment>the list was read and shown</extracomment>
        <translation>No annotations yet. Articles you write a note on, highlight or tag are listed here.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_view.py" line="53"/>
        <source>无法读取批注</source>
        <translation>Cannot read the annotations</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_view.py" line="61"/>
        <source>笔记</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_view.py" line="63"/>
        <source>{} 处划线</source>
        <translation>{} highlights</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_view.py" line="65"/>
        <source>{} 个标签</source>
        <translation>{} tags</translation>
    </message>
</context>
<context>
    <name>ProgressPresenter</name>
    <message>
        <location filename="../../reader/ui/progress.py" line="25"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <location filename="../../reader/ui/search.py" line="111"/>
        <source>搜索失败</source>
        <extracomment>(query text, SearchOutcome) of the newest request the search bar was emptied</extracomment>
        <translation>Search failed</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../reader/ui/results_model.py" line="112"/>
        <source>标签：{}</source>
        <extracomment>The snippet with its hit markers, for the delegate.</extracomment>
        <translation>Tags: {}</translation>
    </message>
</context>
<context>
    <name>Selection</name>
    <message>
        <location filename="../../reader/ui/authors_view.py" line="133"/>
        <source>作者“{}”</source>
        <translation>Author “{}”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/issues_view.py" line="229"/>
        <source>所选的 {} 篇文章</source>
        <translation>The {} selected articles</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_view.py" line="84"/>
        <source>批注过的文章</source>
        <translation>Annotated articles</translation>
    </message>
    <message>
        <location filename="../../reader/ui/results_view.py" line="109"/>
        <source>所选的 {} 条搜索结果</source>
        <translation>The {} selected search results</translation>
    </message>
    <message>
        <location filename="../../reader/ui/results_view.py" line="112"/>
        <source>搜索“{}”</source>
        <translation>Search “{}”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="144"/>
        <source>标签“{}”</source>
        <translation>Tag “{}”</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <location filename="../../reader/ui/tag_editor.py" line="44"/>
        <source>添加标签（回车确认，可输入拼音首字母）</source>
        <extracomment>What separates several tags typed at once. prefix → tag names to offer; the window sets it to the session&apos;s completer</extracomment>
        <translation>Add a tag (Enter to confirm; pinyin initials work)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_editor.py" line="68"/>
        <source>去掉标签“{}”</source>
        <translation>Remove the tag “{}”</translation>
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
        <location filename="../../reader/ui/tags_view.py" line="93"/>
        <source>无法读取标签</source>
        <translation>Cannot read the tags</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="130"/>
        <source>无法读取标签下的文章</source>
        <translation>Cannot read the tag&apos;s articles</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="150"/>
        <source>重命名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="151"/>
        <source>设置颜色…</source>
        <translation>Set Colour…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="153"/>
        <source>删除标签…</source>
        <translation>Delete Tag…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="165"/>
        <source>重命名标签</source>
        <translation>Rename Tag</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="165"/>
        <source>新名称：</source>
        <translation>New name:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="171"/>
        <source>合并标签</source>
        <translation>Merge Tags</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="172"/>
        <source>已经有标签“{}”。把“{}”合并进去吗？</source>
        <translation>There is already a tag “{}”. Merge “{}” into it?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="175"/>
        <source>无法重命名标签</source>
        <translation>Cannot rename the tag</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="191"/>
        <source>无法设置标签颜色</source>
        <translation>Cannot set the tag&apos;s colour</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="194"/>
        <source>删除标签</source>
        <translation>Delete Tag</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="195"/>
        <source>删除标签“{}”吗？文章本身不受影响（Ctrl+Z 可撤销）。</source>
        <translation>Delete the tag “{}”? The articles themselves are not affected (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="197"/>
        <source>无法删除标签</source>
        <translation>Cannot delete the tag</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tags_view.py" line="204"/>
        <source>“{}”的颜色</source>
        <translation>Colour of “{}”</translation>
    </message>
</context>
</TS>
