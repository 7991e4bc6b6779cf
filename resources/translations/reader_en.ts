<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../reader/ui/article_view.py" line="157"/>
        <source>在左侧选择一篇文章</source>
        <extracomment>Base size of the body text in points at zoom 0, the zoom step, and the zoom limits. Qt&apos;s proportional line height multiplies the font&apos;s own line spacing, which for the Noto CJK faces is already about 1.45em: 118% of it gives the ~1.7em a Chinese page wants. The readable measure, in ems of the body text. (current hit, 1-based, or 0 before the first step; number of hits)</extracomment>
        <translation>Choose an article on the left</translation>
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
    <name>ImportReport</name>
    <message>
        <location filename="../../reader/ui/import_report.py" line="23"/>
        <source>已导入，{} 篇文章</source>
        <translation>imported, {} articles</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_report.py" line="25"/>
        <source>已更新，{} 篇文章</source>
        <translation>updated, {} articles</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_report.py" line="27"/>
        <source>以前已导入，无变化</source>
        <translation>already imported, unchanged</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_report.py" line="29"/>
        <source>原因不明</source>
        <translation>reason unknown</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_report.py" line="30"/>
        <source>失败：{}</source>
        <translation>failed: {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_report.py" line="33"/>
        <source>{name}&#x3000;{what}（{path}）</source>
        <translation>{name}  {what} ({path})</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_report.py" line="40"/>
        <source>共 {total} 个文件：导入 {imported}，更新 {updated}，已有 {same}，失败 {failed}。</source>
        <translation>{total} files: {imported} imported, {updated} updated, {same} already imported, {failed} failed.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_report.py" line="56"/>
        <source>导入结果</source>
        <translation>Import Results</translation>
    </message>
</context>
<context>
    <name>IssueTreeModel</name>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="40"/>
        <source>标题</source>
        <extracomment>Roles a view or the window can ask for besides the display text. Article summaries kept in memory; the rest are read again when shown.</extracomment>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="41"/>
        <source>栏目</source>
        <translation>Column</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/window.py" line="54"/>
        <source>搜索… (Ctrl+K)</source>
        <extracomment>Source texts (Chinese); shown through `self.tr`, so translated when a translation is loaded.</extracomment>
        <translation>Search… (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="55"/>
        <source>正在准备搜索…</source>
        <translation>Preparing search…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="95"/>
        <source>导入文件</source>
        <extracomment>the session is open and the tree shows its issues the search index is in step; the search bar is enabled an article is shown in the pane (its id) the library is in use by another Reader (its folder); it was not opened an import started from the File menu has finished the search index was rebuilt from the library (a SyncReport) logs uncaught exceptions in the library&apos;s logs/ folder; `run()` installs it</extracomment>
        <translation>Import Files</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="95"/>
        <source>页面文本 (*.txt *.md);;所有文件 (*)</source>
        <translation>Page text (*.txt *.md);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="100"/>
        <source>关于 Reader</source>
        <extracomment>shows what an import did, file by file (non-modal); tests may replace it shows the about text (`about_text()`); tests replace it</extracomment>
        <translation>About Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="113"/>
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
        <location filename="../../reader/ui/actions.py" line="43"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="45"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="47"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="50"/>
        <source>下一处</source>
        <translation>Next Match</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="52"/>
        <source>上一处</source>
        <translation>Previous Match</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="55"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="57"/>
        <source>下一篇</source>
        <translation>Next Article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="60"/>
        <source>上一篇</source>
        <translation>Previous Article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="63"/>
        <source>返回目录</source>
        <translation>Back to Contents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="66"/>
        <source>放大</source>
        <translation>Zoom In</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="69"/>
        <source>缩小</source>
        <translation>Zoom Out</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="72"/>
        <source>还原</source>
        <translation>Actual Size</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="75"/>
        <source>深色主题</source>
        <translation>Dark Theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="78"/>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="80"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="82"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="174"/>
        <source>Reader {}：在自己的电脑上阅读、检索报纸版面。</source>
        <translation>Reader {}: read and search newspaper pages on your own computer.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="177"/>
        <source>书库：{}</source>
        <translation>Library: {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="179"/>
        <source>书库尚未打开。</source>
        <translation>The library is not open yet.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="184"/>
        <source>无法读取书库统计</source>
        <translation>Cannot read the library&apos;s counts</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="187"/>
        <source>{issues} 期，{articles} 篇文章，{tags} 个标签，{notes} 条笔记，{highlights} 处划线。</source>
        <translation>{issues} issues, {articles} articles, {tags} tags, {notes} notes, {highlights} highlights.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="251"/>
        <location filename="../../reader/ui/window.py" line="252"/>
        <source>正在打开文库…</source>
        <translation>Opening the library…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="261"/>
        <source>这个书库正被另一个 Reader 窗口使用：{}（请先关闭那个窗口）</source>
        <translation>This library is in use by another Reader window: {} (close that window first)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="262"/>
        <location filename="../../reader/ui/window.py" line="280"/>
        <source>搜索不可用</source>
        <translation>Search unavailable</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="251"/>
        <location filename="../../reader/ui/window.py" line="348"/>
        <source>正在导入：{}</source>
        <translation>Importing: {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="279"/>
        <source>无法打开文库</source>
        <translation>Cannot open the library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="291"/>
        <source>导入已取消；下次打开时会接着导入。</source>
        <translation>Import cancelled; it will continue the next time the library opens.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="293"/>
        <source>文库已打开：{} 期。</source>
        <translation>Library open: {} issues.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="298"/>
        <source>无法准备搜索</source>
        <translation>Cannot prepare search</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="305"/>
        <source>搜索索引已更新，可以搜索了。</source>
        <translation>The search index is up to date; you can search now.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="320"/>
        <source>无法重建索引</source>
        <translation>Cannot rebuild the index</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="323"/>
        <source>正在重建搜索索引…</source>
        <translation>Rebuilding the search index…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="328"/>
        <source>搜索索引已重建：{} 篇。</source>
        <translation>Search index rebuilt: {} articles.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="345"/>
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="348"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="357"/>
        <source>{} 个文件导入失败，例如 {}：{}</source>
        <translation>{} files could not be imported, for example {}: {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="360"/>
        <source>已导入 {} 个文件，{} 个无变化。</source>
        <translation>Imported {} files, {} unchanged.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="384"/>
        <source>无法打开这篇文章</source>
        <translation>Cannot open this article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="447"/>
        <source>，显示前 {} 条</source>
        <translation>, showing the first {}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="448"/>
        <source>“{}”：共 {} 条结果{}（Esc 返回目录）</source>
        <translation>“{}”: {} results{} (Esc returns to the contents)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="452"/>
        <source>可以去掉筛选条件再试</source>
        <translation>try again without the filters</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="453"/>
        <source>可以换个说法再试</source>
        <translation>try other words</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="454"/>
        <source>没有找到“{}”，{}。</source>
        <translation>Nothing found for “{}”; {}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="485"/>
        <source>第 {}/{} 处（F3 下一处）</source>
        <translation>Match {}/{} (F3 for the next)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="487"/>
        <source>共 {} 处</source>
        <translation>{} matches</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="498"/>
        <source>界面语言将在重新启动 Reader 后切换为 {}。</source>
        <translation>The interface language changes to {} when Reader starts again.</translation>
    </message>
</context>
<context>
    <name>MessageChannel</name>
    <message>
        <location filename="../../reader/ui/messages.py" line="51"/>
        <source>发生了意外错误，详情已写入日志</source>
        <extracomment>How long a message stays in the status bar, in milliseconds (errors stay until replaced).</extracomment>
        <translation>an unexpected error occurred; the details are in the log</translation>
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
        <location filename="../../reader/ui/search.py" line="110"/>
        <source>搜索失败</source>
        <extracomment>(query text, SearchOutcome) of the newest request the search bar was emptied</extracomment>
        <translation>Search failed</translation>
    </message>
</context>
</TS>
