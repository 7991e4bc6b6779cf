"""The window's words for every `catalogue.Code`: Chinese source texts, English by `tr()`.

The core never hands the window finished text: an error or notice is a code
with parameters (`reader.catalogue.Message`).  Each code's Chinese is here,
marked for Qt's translation tools in the `Errors` context; its English in
`resources/translations/reader_en.ts` is the same sentence the CLI prints
(`catalogue.ENGLISH`).  tests/ui/test_error_text.py walks every code and
fails on one missing here, missing or unfinished in the .ts, or whose
English there differs from the CLI's.  `tools/error_translations.py`
writes the `Errors` context of the .ts from these two catalogues.
"""

from __future__ import annotations

from reader.catalogue import Code
from reader.ui.noop import QT_TRANSLATE_NOOP

#: The Qt translation context of every text below (lupdate reads the literal in each entry).
CONTEXT = "Errors"


#: Parameters whose values are words of the core (a date precision), put into the window's words.
PARAMETER_WORDS: dict[str, dict[str, str]] = {
    "precision": {
        "year": QT_TRANSLATE_NOOP("Errors", "年"),
        "month": QT_TRANSLATE_NOOP("Errors", "月"),
        "day": QT_TRANSLATE_NOOP("Errors", "日"),
        "unknown": QT_TRANSLATE_NOOP("Errors", "未知"),
    },
}

CHINESE: dict[Code, str] = {
    Code.NO_ARTICLE: QT_TRANSLATE_NOOP("Errors", "没有编号为 {id} 的文章。"),
    Code.NO_ISSUE: QT_TRANSLATE_NOOP("Errors", "没有编号为 {id} 的一期。"),
    Code.NO_PAGE: QT_TRANSLATE_NOOP("Errors", "没有编号为 {id} 的版面。"),
    Code.NO_PAPER: QT_TRANSLATE_NOOP("Errors", "没有名为“{name}”的报纸。"),
    Code.PAPER_NAME_EMPTY: QT_TRANSLATE_NOOP("Errors", "报纸需要一个名字。"),
    Code.NOT_A_PAGE_NUMBER: QT_TRANSLATE_NOOP("Errors", "“{number}”不是版次：请填从 1 起的整数。"),
    Code.NO_PAGE_FIELDS: QT_TRANSLATE_NOOP("Errors", "没有要改的内容：请至少填写一项。"),
    Code.NO_HIGHLIGHT: QT_TRANSLATE_NOOP("Errors", "没有编号为 {id} 的划线。"),
    Code.NO_TAG: QT_TRANSLATE_NOOP("Errors", "没有名为“{name}”的标签。"),
    Code.NO_SAVED_SEARCH: QT_TRANSLATE_NOOP("Errors", "没有名为“{name}”的收藏检索。"),
    Code.SAVED_SEARCH_EMPTY: QT_TRANSLATE_NOOP("Errors", "收藏的检索需要名称和检索式。"),
    Code.SAVED_SEARCH_EXISTS: QT_TRANSLATE_NOOP("Errors", "已经有名为“{name}”的收藏检索。"),
    Code.HIGHLIGHT_OUT_OF_RANGE: QT_TRANSLATE_NOOP("Errors", "划线必须落在文章的第 0 到第 {length} 个字之间，且至少包含一个字，"
                                     "而不是第 {start} 到第 {end} 个字。"),
    Code.HIGHLIGHT_CANNOT_RESTORE: QT_TRANSLATE_NOOP("Errors", "没有引文和位置，无法恢复这条划线。"),
    Code.HIGHLIGHT_NEEDS_COLOR: QT_TRANSLATE_NOOP("Errors", "划线需要一种颜色。"),
    Code.NOT_A_COLOR: QT_TRANSLATE_NOOP("Errors", "“{color}”不是颜色：请用 yellow 这样的颜色名或 #rrggbb。"),
    Code.TAG_NAME_EMPTY: QT_TRANSLATE_NOOP("Errors", "标签名不能为空。"),
    Code.NO_TAG_NAMES: QT_TRANSLATE_NOOP("Errors", "请至少给出一个标签名。"),
    Code.NO_ARTICLES_SELECTED: QT_TRANSLATE_NOOP("Errors", "请至少选择一篇文章。"),
    Code.NOT_A_DATE: QT_TRANSLATE_NOOP("Errors", "“{date}”不是日期：请用 YYYY、YYYY-MM 或 YYYY-MM-DD。"),
    Code.DATE_WRONG_PRECISION: QT_TRANSLATE_NOOP("Errors", "“{date}”不是精确到{precision}的日期。"),
    Code.DATE_NEEDED: QT_TRANSLATE_NOOP("Errors", "除“未知”外，任何精度都需要给出日期。"),
    Code.UNKNOWN_PRECISION: QT_TRANSLATE_NOOP("Errors", "没有“{precision}”这种日期精度。"),
    Code.LIBRARY_IS_FOLDER: QT_TRANSLATE_NOOP("Errors", "无法打开书库 {path}：这是一个文件夹，不是书库文件。"),
    Code.LIBRARY_DIR_IS_FILE: QT_TRANSLATE_NOOP("Errors", "无法把 {path} 用作书库文件夹：它是一个文件，不是文件夹。"),
    Code.LIBRARY_FOLDER_FAILED: QT_TRANSLATE_NOOP("Errors", "无法为书库 {path} 创建文件夹：{reason}。"),
    Code.LIBRARY_OPEN_FAILED: QT_TRANSLATE_NOOP("Errors", "无法打开书库 {path}：{reason}。"),
    Code.LIBRARY_NOT_SQLITE: QT_TRANSLATE_NOOP("Errors", "无法打开书库 {path}：它不是 SQLite 数据库。{advice}"),
    Code.LIBRARY_IN_USE: QT_TRANSLATE_NOOP("Errors", "无法打开书库 {path}：另一个程序正在使用它。"),
    Code.LIBRARY_DAMAGED: QT_TRANSLATE_NOOP("Errors", "无法打开书库 {path}：文件已损坏。{advice}"),
    Code.LIBRARY_DAMAGED_RESCUED: QT_TRANSLATE_NOOP("Errors", "书库已损坏：已保存仍能读出的内容（有 {lost} 行读不出来）。"),
    Code.LIBRARY_EMPTY_FILE: QT_TRANSLATE_NOOP(
        "Errors", "书库文件 {path} 是空的（0 字节）；Reader 不会在它上面新建书库。{advice}"),
    Code.LIBRARY_FILE_MISSING: QT_TRANSLATE_NOOP(
        "Errors", "书库文件 {path} 不见了，但 {folder} 里有它的备份；Reader 不会在原处新建书库。{advice}"),
    Code.LIBRARY_OPENED_READ_ONLY: QT_TRANSLATE_NOOP(
        "Errors", "书库 {path} 无法写入（没有写入权限，或磁盘是只读的）：已以只读方式打开，可以阅读、搜索和导出。"),
    Code.LIBRARY_OPENED_DAMAGED: QT_TRANSLATE_NOOP(
        "Errors", "书库 {path} 已损坏（SQLite 检查：{detail}）：已以只读方式打开，不再向其中写入。{advice}"),
    Code.LIBRARY_READ_ONLY_NEEDS_UPGRADE: QT_TRANSLATE_NOOP(
        "Errors", "书库 {path} 由旧版 Reader 创建，需要升级，但它无法写入。"),
    Code.LIBRARY_WRITE_REFUSED: QT_TRANSLATE_NOOP("Errors", "未做任何修改：书库以只读方式打开（{why}）。"),
    Code.WHY_CANNOT_WRITE: QT_TRANSLATE_NOOP("Errors", "无法写入"),
    Code.WHY_DAMAGED: QT_TRANSLATE_NOOP("Errors", "书库已损坏；可用 reader restore 恢复备份"),
    Code.WAL_LOST: QT_TRANSLATE_NOOP(
        "Errors", "Reader 上次没有正常关闭，且书库的预写日志（{wal}）不见了：{since} 之后的修改可能已丢失。{advice}"),
    Code.RESTORE_ADVICE: QT_TRANSLATE_NOOP("Errors", "最新的完好备份是 {day} 的：reader restore 可以恢复它。"),
    Code.NO_BACKUP_ADVICE: QT_TRANSLATE_NOOP("Errors", "没有它的完好备份。"),
    Code.DAILY_BACKUP_FAILED: QT_TRANSLATE_NOOP("Errors", "书库的每日备份失败：{reason}。"),
    Code.NO_BACKUPS: QT_TRANSLATE_NOOP("Errors", "{folder} 里没有备份。"),
    Code.NO_SUCH_BACKUP: QT_TRANSLATE_NOOP("Errors", "{folder} 里没有名为 {name} 的备份（reader restore 会列出备份）。"),
    Code.BACKUP_DAMAGED: QT_TRANSLATE_NOOP("Errors", "备份 {path} 已损坏（{detail}）；请选择另一个。"),
    Code.LIBRARY_OPEN_ELSEWHERE: QT_TRANSLATE_NOOP(
        "Errors", "另一个 Reader（进程 {pid}）正打开着这个书库；请先关闭它再恢复。"),
    Code.LIBRARY_TOO_NEW: QT_TRANSLATE_NOOP("Errors", "无法打开书库 {path}：它由更新版本的 Reader 写入"
                              "（结构版本 {reached}，本版本只认识到 {newest}）。"),
    Code.LIBRARY_NOT_READER: QT_TRANSLATE_NOOP("Errors", "无法打开书库 {path}：它是 SQLite 数据库，但不是 Reader 书库。"),
    Code.BACKUP_IS_LIBRARY: QT_TRANSLATE_NOOP("Errors", "无法把书库备份到 {path}：那就是书库本身。"),
    Code.BACKUP_IS_FOLDER: QT_TRANSLATE_NOOP("Errors", "无法把书库备份到 {path}：这是一个文件夹。"),
    Code.BACKUP_NO_FOLDER: QT_TRANSLATE_NOOP("Errors", "无法把书库备份到 {path}：文件夹 {folder} 不存在。"),
    Code.BACKUP_NOT_A_BACKUP: QT_TRANSLATE_NOOP("Errors", "无法把书库备份到 {path}：那里已有一个不是书库备份的文件。"),
    Code.BACKUP_FAILED: QT_TRANSLATE_NOOP("Errors", "无法把书库备份到 {path}：{reason}。"),
    Code.ANNOTATIONS_NO_FORMAT: QT_TRANSLATE_NOOP("Errors", "这不是 Reader 批注文件：它没有 “format”: “{format}”。"),
    Code.ANNOTATIONS_BAD_VERSION: QT_TRANSLATE_NOOP("Errors", "这不是 Reader 批注文件：它的版本缺失或有误。"),
    Code.ANNOTATIONS_TOO_NEW: QT_TRANSLATE_NOOP("Errors", "这个批注文件由更新的 Reader 写入（版本 {version}）；"
                                  "请更新 Reader 后再导入。"),
    Code.ANNOTATIONS_NOT_LISTS: QT_TRANSLATE_NOOP("Errors", "这不是 Reader 批注文件：“tags”和“articles”必须是列表。"),
    Code.ANNOTATIONS_TAG_NAME: QT_TRANSLATE_NOOP("Errors", "这不是 Reader 批注文件：每个标签都要有名字。"),
    Code.ANNOTATIONS_TAG_COLOR: QT_TRANSLATE_NOOP("Errors", "这不是 Reader 批注文件：标签“{tag}”的颜色不是文字。"),
    Code.ANNOTATIONS_NO_KEY: QT_TRANSLATE_NOOP("Errors", "这不是 Reader 批注文件：第 {n} 篇文章没有 key。"),
    Code.ANNOTATIONS_BAD_TAGS: QT_TRANSLATE_NOOP("Errors", "这不是 Reader 批注文件：第 {n} 篇文章的标签不是名字列表。"),
    Code.ANNOTATIONS_BAD_NOTE: QT_TRANSLATE_NOOP("Errors", "这不是 Reader 批注文件：第 {n} 篇文章的笔记没有文字。"),
    Code.ANNOTATIONS_BAD_HIGHLIGHTS: QT_TRANSLATE_NOOP("Errors", "这不是 Reader 批注文件：第 {n} 篇文章的划线不是列表。"),
    Code.ANNOTATIONS_BAD_SEARCHES: QT_TRANSLATE_NOOP("Errors", "这不是 Reader 批注文件：其中收藏的检索不是名称与检索式的列表。"),
    Code.ANNOTATIONS_NO_QUOTE: QT_TRANSLATE_NOOP("Errors", "这不是 Reader 批注文件：第 {n} 篇文章有一条划线没有引文。"),
    Code.ANNOTATIONS_BAD_OFFSETS: QT_TRANSLATE_NOOP("Errors", "这不是 Reader 批注文件：第 {n} 篇文章有一条划线的起止位置不是偏移量。"),
    Code.ANNOTATIONS_BAD_FIELD: QT_TRANSLATE_NOOP("Errors", "这不是 Reader 批注文件：第 {n} 篇文章有一条划线的某个字段不是文字。"),
    Code.ANNOTATIONS_BAD_READING: QT_TRANSLATE_NOOP("Errors", "这不是 Reader 批注文件：第 {n} 篇文章的阅读状态不是已读/星标时间和 0 到 1000 的位置。"),
    Code.CANNOT_READ: QT_TRANSLATE_NOOP("Errors", "无法读取 {name}：{reason}。"),
    Code.READ_MISSING: QT_TRANSLATE_NOOP("Errors", "文件不存在"),
    Code.READ_FOLDER: QT_TRANSLATE_NOOP("Errors", "这是一个文件夹，不是版面文件"),
    Code.READ_DENIED: QT_TRANSLATE_NOOP("Errors", "没有读取权限"),
    Code.READ_BAD_BOM: QT_TRANSLATE_NOOP("Errors", "它以 {encoding} 字节顺序标记开头，内容却不是这种编码的文本"),
    Code.READ_BINARY: QT_TRANSLATE_NOOP("Errors", "这是二进制文件，不是文本版面"),
    Code.READ_NOT_TEXT: QT_TRANSLATE_NOOP("Errors", "它不是 UTF-8、UTF-16 或 GB18030 编码的文本"),
    Code.READ_OS: QT_TRANSLATE_NOOP("Errors", "{detail}"),
    Code.READ_NOT_REGULAR: QT_TRANSLATE_NOOP("Errors", "这是管道、设备或套接字，不是版面文件"),
    Code.READ_TOO_BIG: QT_TRANSLATE_NOOP("Errors", "它有 {size} MB；版面文件最大 {limit} MB"),
    Code.READ_EMPTY: QT_TRANSLATE_NOOP("Errors", "文件里没有文字"),
    Code.SIDECAR_NOT_JSON: QT_TRANSLATE_NOOP("Errors", "它不是有效的 JSON（{detail}，第 {line} 行）"),
    Code.SIDECAR_NOT_OBJECT: QT_TRANSLATE_NOOP("Errors", "它应当是一个 JSON 对象"),
    Code.SIDECAR_BAD_FILES: QT_TRANSLATE_NOOP("Errors", "“files”应当把文件名对应到对象"),
    Code.SIDECAR_BAD_ENTRY: QT_TRANSLATE_NOOP("Errors", "{file} 的条目应当是一个对象"),
    Code.SIDECAR_NOT_TEXT: QT_TRANSLATE_NOOP("Errors", "“{key}”应当是文字"),
    Code.SIDECAR_BAD_DATE: QT_TRANSLATE_NOOP("Errors", "“date”{value} 不是日期（请写成 2025-01-07）"),
    Code.SIDECAR_BAD_PAGE: QT_TRANSLATE_NOOP("Errors", "“page_number”{value} 不是版次（请写成 19）"),
    Code.PAGE_NUMBER_FOR_BATCH: QT_TRANSLATE_NOOP(
        "Errors", "版次只能对应一个版面：请只为一个文件填写，而不是 {count} 个。"),
    Code.NO_PAGE_FILES: QT_TRANSLATE_NOOP("Errors", "那里没有找到版面文件。"),
    Code.CANNOT_WRITE: QT_TRANSLATE_NOOP("Errors", "无法写入 {path}：{reason}。"),
    Code.WRITE_DISK_FULL: QT_TRANSLATE_NOOP("Errors", "磁盘已满"),
    Code.WRITE_QUOTA: QT_TRANSLATE_NOOP("Errors", "磁盘配额已用完"),
    Code.WRITE_DENIED: QT_TRANSLATE_NOOP("Errors", "没有写入权限"),
    Code.WRITE_READ_ONLY: QT_TRANSLATE_NOOP("Errors", "磁盘是只读的"),
    Code.WRITE_NO_FOLDER: QT_TRANSLATE_NOOP("Errors", "文件夹不存在"),
    Code.WRITE_NOT_FOLDER: QT_TRANSLATE_NOOP("Errors", "路径中有一部分不是文件夹"),
    Code.WRITE_IS_FOLDER: QT_TRANSLATE_NOOP("Errors", "这是一个文件夹"),
    Code.WRITE_NAME_TOO_LONG: QT_TRANSLATE_NOOP("Errors", "名字太长"),
    Code.WRITE_OS: QT_TRANSLATE_NOOP("Errors", "{detail}"),
    Code.WRITE_INTO_FILE: QT_TRANSLATE_NOOP("Errors", "无法写入 {folder}：这是一个文件，不是文件夹。"),
    Code.EXISTS: QT_TRANSLATE_NOOP("Errors", "{path} 已存在；不覆盖它。"),
    Code.EXISTS_MANY: QT_TRANSLATE_NOOP("Errors", "{path} 等另外 {more} 个文件已存在；不覆盖它们。"),
    Code.EXISTS_USE_FORCE: QT_TRANSLATE_NOOP("Errors", "{path} 已存在；加上 --force 可以替换它。"),
    Code.EXISTS_FORCE_OVERWRITES: QT_TRANSLATE_NOOP("Errors", "{path} 已存在；不覆盖它（--force 可覆盖）。"),
    Code.EXISTS_MANY_FORCE_OVERWRITES: QT_TRANSLATE_NOOP("Errors", "{path} 等另外 {more} 个文件已存在；不覆盖它们"
                                           "（--force 可覆盖）。"),
    Code.EXPORT_NOTHING_SELECTED: QT_TRANSLATE_NOOP("Errors", "没有可导出的内容：没有选择文章。"),
    Code.EXPORT_NO_HIGHLIGHTS: QT_TRANSLATE_NOOP("Errors", "所选文章都没有划线，没有写入任何内容。"),
    Code.EXPORT_NOTHING_NAMED: QT_TRANSLATE_NOOP("Errors", "没有可导出的内容：请给出文章编号、--tag、--query 或 --issue。"),
    Code.EXPORT_NONE_TAGGED: QT_TRANSLATE_NOOP("Errors", "没有文章带有标签 {tag}。"),
    Code.EXPORT_NONE_MATCH: QT_TRANSLATE_NOOP("Errors", "没有文章符合 {query}。"),
    Code.EXPORT_TARGET_IS_FOLDER: QT_TRANSLATE_NOOP("Errors", "{path} 是一个文件夹：请给出文件名，或用 --split 把每篇文章写成一个文件放进去。"),
    Code.UNKNOWN_FORMAT: QT_TRANSLATE_NOOP("Errors", "没有“{value}”这种格式：请用 {choices}。"),
    Code.UNKNOWN_ORDER: QT_TRANSLATE_NOOP("Errors", "没有“{value}”这种排序：请用 {choices}。"),
    Code.UNKNOWN_PART: QT_TRANSLATE_NOOP("Errors", "没有“{value}”这个部分：请用 {choices}。"),
    Code.HIGHLIGHTS_ONLY_ALONE: QT_TRANSLATE_NOOP("Errors", "{part} 不能和其他部分一起用。"),
    Code.NOTHING_TO_INCLUDE: QT_TRANSLATE_NOOP("Errors", "没有要包含的内容：请至少给出一个部分。"),
    Code.INDEX_BUILD_FAILED: QT_TRANSLATE_NOOP("Errors", "建立搜索索引中途失败；请重新建立。"),
    Code.INDEX_BUSY: QT_TRANSLATE_NOOP("Errors", "另一个 Reader 窗口正在写入搜索索引；请等它完成后再试。"),
    Code.INDEX_DAMAGED: QT_TRANSLATE_NOOP("Errors", "搜索索引已损坏；请重建索引（reader reindex）。"),
    Code.INDEX_NOT_FOLDER: QT_TRANSLATE_NOOP("Errors", "搜索索引文件夹 {path} 是一个文件；把它移走后会重新建立索引。"),
    Code.FILE_MISSING: QT_TRANSLATE_NOOP("Errors", "{path} 不存在。"),
    Code.NOT_JSON: QT_TRANSLATE_NOOP("Errors", "{path} 不是 JSON（第 {line} 行：{detail}）。"),
    Code.LIMIT_TOO_SMALL: QT_TRANSLATE_NOOP("Errors", "--limit 至少为 1。"),
    Code.DISK_FULL: QT_TRANSLATE_NOOP("Errors", "磁盘已满，请腾出空间后再试。"),
    Code.LIBRARY_READ_ONLY: QT_TRANSLATE_NOOP("Errors", "书库是只读的（可能没有写入权限，或磁盘是只读的）。"),
    Code.LIBRARY_BUSY: QT_TRANSLATE_NOOP("Errors", "书库正被另一个程序占用，请稍后再试。"),
    Code.DISK_IO: QT_TRANSLATE_NOOP("Errors", "读写磁盘时出错（磁盘可能已满或已断开）。"),
    Code.LIBRARY_CANNOT_OPEN_FILE: QT_TRANSLATE_NOOP("Errors", "无法打开书库文件（文件夹可能不存在或没有权限）。"),
    Code.NO_WRITE_PERMISSION: QT_TRANSLATE_NOOP("Errors", "没有权限写入 {where}。"),
    Code.NO_WRITE_PERMISSION_HERE: QT_TRANSLATE_NOOP("Errors", "没有权限写入这个位置。"),
    Code.READ_ONLY_DISK: QT_TRANSLATE_NOOP("Errors", "{where} 所在的磁盘是只读的。"),
    Code.READ_ONLY_DISK_HERE: QT_TRANSLATE_NOOP("Errors", "磁盘是只读的。"),
    Code.LONE_MINUS: QT_TRANSLATE_NOOP("Errors", "单独的“-”已忽略；要排除某个词，请把“-”紧贴在这个词前面。"),
    Code.UNBALANCED_QUOTE: QT_TRANSLATE_NOOP("Errors", "引号不成对，已忽略引号，按词语搜索。"),
    Code.EMPTY_QUOTES: QT_TRANSLATE_NOOP("Errors", "空引号已忽略。"),
    Code.UNKNOWN_FILTER: QT_TRANSLATE_NOOP("Errors", "没有“{filter}:”这种筛选条件，已把“{raw}”当作文字搜索。"),
    Code.FILTER_NO_VALUE: QT_TRANSLATE_NOOP("Errors", "筛选条件“{filter}:”后面没有值，已把“{raw}”当作文字搜索。"),
    Code.FILTER_BAD_VALUE: QT_TRANSLATE_NOOP("Errors", "“{value}”不是有效的 {filter}: 值，已把“{raw}”当作文字搜索。"),
    Code.NOT_NOT: QT_TRANSLATE_NOOP("Errors", "“NOT NOT”按一个 NOT 处理。"),
    Code.NOT_ALONE: QT_TRANSLATE_NOOP("Errors", "“NOT”后面要跟一个词，已忽略。"),
    Code.NOT_MINUS: QT_TRANSLATE_NOOP("Errors", "“NOT -词”按一次排除处理。"),
    Code.AND_ALONE: QT_TRANSLATE_NOOP("Errors", "“AND”两边都要有词，已忽略。"),
    Code.OR_ALONE: QT_TRANSLATE_NOOP("Errors", "“OR”两边都要有词，已忽略。"),
    Code.OR_FILTERS: QT_TRANSLATE_NOOP("Errors", "OR 只能连接词语，不能连接筛选条件；所有筛选条件都已生效。"),
    Code.NOTHING_MATCHED: QT_TRANSLATE_NOOP("Errors", "没有结果；可以去掉筛选条件再试。"),
}
