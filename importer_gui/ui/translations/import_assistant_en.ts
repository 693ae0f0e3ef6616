<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CommitPage</name>
    <message numerus="yes">
        <source>Checked again with your corrections, %Ln row(s) now have a different outcome (the first on line %1 of %2). Nothing was written: look at them, then commit.</source>
        <translation>
            <numerusform>Checked again with your corrections, %Ln row now has a different outcome (on line %1 of %2). Nothing was written: look at it, then commit.</numerusform>
            <numerusform>Checked again with your corrections, %Ln rows now have a different outcome (the first on line %1 of %2). Nothing was written: look at them, then commit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln created</source>
        <translation>
            <numerusform>%Ln created</numerusform>
            <numerusform>%Ln created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln updated</numerusform>
            <numerusform>%Ln updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unregistered</source>
        <translation>
            <numerusform>%Ln unregistered</numerusform>
            <numerusform>%Ln unregistered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted</source>
        <translation>
            <numerusform>%Ln deleted</numerusform>
            <numerusform>%Ln deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unchanged</source>
        <translation>
            <numerusform>%Ln unchanged</numerusform>
            <numerusform>%Ln unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln skipped with errors</source>
        <translation>
            <numerusform>%Ln skipped with errors</numerusform>
            <numerusform>%Ln skipped with errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln correction(s) made in the preview are recorded with it: the store browser&apos;s History tab shows them.</source>
        <translation>
            <numerusform>The %Ln correction made in the preview is recorded with it: the store browser&apos;s History tab shows it.</numerusform>
            <numerusform>The %Ln corrections made in the preview are recorded with it: the store browser&apos;s History tab shows them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Run %1 was partly reverted by run(s) %2: only part of what it wrote is still in the store.</source>
        <translation>
            <numerusform>Run %1 was partly reverted by run %2: only part of what it wrote is still in the store.</numerusform>
            <numerusform>Run %1 was partly reverted by runs %2: only part of what it wrote is still in the store.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Run %1 was partly reverted by run(s) %2: some of its rows are no longer in the store.</source>
        <translation>
            <numerusform>Run %1 was partly reverted by run %2: some of its rows are no longer in the store.</numerusform>
            <numerusform>Run %1 was partly reverted by runs %2: some of its rows are no longer in the store.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilesTip</name>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… and %Ln more</numerusform>
            <numerusform>… and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more: select the run to see them all below</source>
        <translation>
            <numerusform>… and %Ln more: select the run to see them all below</numerusform>
            <numerusform>… and %Ln more: select the run to see them all below</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln match</numerusform>
            <numerusform>%Ln matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln replaced</source>
        <translation>
            <numerusform>%Ln replaced</numerusform>
            <numerusform>%Ln replaced</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message numerus="yes">
        <source>%Ln cell(s) corrected.</source>
        <translation>
            <numerusform>%Ln cell corrected.</numerusform>
            <numerusform>%Ln cells corrected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cell(s) corrected: %1.</source>
        <translation>
            <numerusform>%Ln cell corrected: %1.</numerusform>
            <numerusform>%Ln cells corrected: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln in %1</source>
        <translation>
            <numerusform>%Ln in %1</numerusform>
            <numerusform>%Ln in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Put back the %Ln cell(s) the last replace changed</source>
        <translation>
            <numerusform>Put back the %Ln cell the last replace changed</numerusform>
            <numerusform>Put back the %Ln cells the last replace changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cell(s) put back as they were.</source>
        <translation>
            <numerusform>%Ln cell put back as it was.</numerusform>
            <numerusform>%Ln cells put back as they were.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cell(s) put back as they were: %1.</source>
        <translation>
            <numerusform>%Ln cell put back as it was: %1.</numerusform>
            <numerusform>%Ln cells put back as they were: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cell(s) edited since were left as they are.</source>
        <translation>
            <numerusform>%Ln cell edited since was left as it is.</numerusform>
            <numerusform>%Ln cells edited since were left as they are.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MappingNotices</name>
    <message numerus="yes">
        <source>New, skipped unless you map them: %1.</source>
        <translation>
            <numerusform>New, skipped unless you map it: %1.</numerusform>
            <numerusform>New, skipped unless you map them: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Missing from this file: %1. The saved mapping fed them; you go on without them.</source>
        <translation>
            <numerusform>Missing from this file: %1. The saved mapping fed it; you go on without it.</numerusform>
            <numerusform>Missing from this file: %1. The saved mapping fed them; you go on without them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Missing from this file: %1. The saved mapping fed them; map another column to them or go on without them.</source>
        <translation>
            <numerusform>Missing from this file: %1. The saved mapping fed it; map another column to it or go on without it.</numerusform>
            <numerusform>Missing from this file: %1. The saved mapping fed them; map another column to them or go on without them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Missing from this file: %1. The saved mapping fed them, and the import cannot go on without them: map other columns to them.</source>
        <translation>
            <numerusform>Missing from this file: %1. The saved mapping fed it, and the import cannot go on without it: map another column to it.</numerusform>
            <numerusform>Missing from this file: %1. The saved mapping fed them, and the import cannot go on without them: map other columns to them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No column feeds these mandatory fields: %1. Rows cannot be matched or checked on them.</source>
        <translation>
            <numerusform>No column feeds this mandatory field: %1. Rows cannot be matched or checked on it.</numerusform>
            <numerusform>No column feeds these mandatory fields: %1. Rows cannot be matched or checked on them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Go on without them</source>
        <translation>
            <numerusform>&amp;Go on without it</numerusform>
            <numerusform>&amp;Go on without them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpenPage</name>
    <message numerus="yes">
        <source>the first one holding data; %1 empty</source>
        <translation>
            <numerusform>the first one holding data; %1 is empty</numerusform>
            <numerusform>the first one holding data; %1 are empty</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message numerus="yes">
        <source>%1: %Ln row(s) from %2</source>
        <translation>
            <numerusform>%1: %Ln row from %2</numerusform>
            <numerusform>%1: %Ln rows from %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent to %1: %Ln file(s).</source>
        <translation>
            <numerusform>Sent to %1: %Ln file.</numerusform>
            <numerusform>Sent to %1: %Ln files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) with errors were left out.</source>
        <translation>
            <numerusform>%Ln row with errors was left out.</numerusform>
            <numerusform>%Ln rows with errors were left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replace these files?</source>
        <translation>
            <numerusform>Replace this file?</numerusform>
            <numerusform>Replace these files?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 already holds files with the package&apos;s names that no earlier package wrote as they are now (your own, or changed since):

%2

The package would replace them; they cannot be got back. Replace them?</source>
        <translation>
            <numerusform>%1 already holds a file with one of the package&apos;s names that no earlier package wrote as it is now (your own, or changed since):

%2

The package would replace it; it cannot be got back. Replace it?</numerusform>
            <numerusform>%1 already holds files with the package&apos;s names that no earlier package wrote as they are now (your own, or changed since):

%2

The package would replace them; they cannot be got back. Replace them?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Keep them</source>
        <translation>
            <numerusform>&amp;Keep it</numerusform>
            <numerusform>&amp;Keep them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Replace them</source>
        <translation>
            <numerusform>&amp;Replace it</numerusform>
            <numerusform>&amp;Replace them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message numerus="yes">
        <source>%Ln correction(s) no longer match %1, which changed since they were made: they were dropped, so that none lands on another row. Make them again where they belong:</source>
        <translation>
            <numerusform>%Ln correction no longer matches %1, which changed since it was made: it was dropped, so that it does not land on another row. Make it again where it belongs:</numerusform>
            <numerusform>%Ln corrections no longer match %1, which changed since they were made: they were dropped, so that none lands on another row. Make them again where they belong:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln with errors)</source>
        <translation>
            <numerusform>%1 (%Ln with errors)</numerusform>
            <numerusform>%1 (%Ln with errors)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln row(s)&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln row&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%Ln rows&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to create</source>
        <translation>
            <numerusform>%Ln to create</numerusform>
            <numerusform>%Ln to create</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to update</source>
        <translation>
            <numerusform>%Ln to update</numerusform>
            <numerusform>%Ln to update</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unchanged</source>
        <translation>
            <numerusform>%Ln unchanged</numerusform>
            <numerusform>%Ln unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to unregister</source>
        <translation>
            <numerusform>%Ln to unregister</numerusform>
            <numerusform>%Ln to unregister</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to delete</source>
        <translation>
            <numerusform>%Ln to delete</numerusform>
            <numerusform>%Ln to delete</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln with errors</source>
        <translation>
            <numerusform>%Ln with errors</numerusform>
            <numerusform>%Ln with errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) have errors and will be skipped: they are not written. Commit the other rows?</source>
        <translation>
            <numerusform>%Ln row has errors and will be skipped: it is not written. Commit the other rows?</numerusform>
            <numerusform>%Ln rows have errors and will be skipped: they are not written. Commit the other rows?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Use it in %Ln row(s)</source>
        <translation>
            <numerusform>&amp;Use it in %Ln row</numerusform>
            <numerusform>&amp;Use it in %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cell(s) corrected.</source>
        <translation>
            <numerusform>%Ln cell corrected.</numerusform>
            <numerusform>%Ln cells corrected.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordTab</name>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RefreshDialog</name>
    <message numerus="yes">
        <source>%Ln file(s), each read for the export whose columns its first line names</source>
        <translation>
            <numerusform>%Ln file, read for the export whose columns its first line names</numerusform>
            <numerusform>%Ln files, each read for the export whose columns its first line names</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read from beside the configuration (%Ln export(s) no file chosen holds): %1</source>
        <translation>
            <numerusform>Read from beside the configuration (%Ln export no file chosen holds): %1</numerusform>
            <numerusform>Read from beside the configuration (%Ln exports no file chosen holds): %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 created</source>
        <translation>
            <numerusform>%1 created</numerusform>
            <numerusform>%1 created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 updated</source>
        <translation>
            <numerusform>%1 updated</numerusform>
            <numerusform>%1 updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 deleted</source>
        <translation>
            <numerusform>%1 deleted</numerusform>
            <numerusform>%1 deleted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RevertDialog</name>
    <message numerus="yes">
        <source>Every record of run %1 left to revert is a conflict: nothing can be reverted without reverting later run(s) %2 first.</source>
        <translation>
            <numerusform>Every record of run %1 left to revert is a conflict: nothing can be reverted without reverting later run %2 first.</numerusform>
            <numerusform>Every record of run %1 left to revert is a conflict: nothing can be reverted without reverting later runs %2 first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln record(s)</source>
        <translation>
            <numerusform>%1: %Ln record</numerusform>
            <numerusform>%1: %Ln records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln conflict(s)</source>
        <translation>
            <numerusform>, %Ln conflict</numerusform>
            <numerusform>, %Ln conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflicting record(s) cannot be reverted (changed since run %1, or still needed by other records).</source>
        <translation>
            <numerusform>%Ln conflicting record cannot be reverted (changed since run %1, or still needed by other records).</numerusform>
            <numerusform>%Ln conflicting records cannot be reverted (changed since run %1, or still needed by other records).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflicting record(s) will be skipped (changed since run %1, or still needed by other records); the others will be reverted.</source>
        <translation>
            <numerusform>%Ln conflicting record will be skipped (changed since run %1, or still needed by other records); the others will be reverted.</numerusform>
            <numerusform>%Ln conflicting records will be skipped (changed since run %1, or still needed by other records); the others will be reverted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Later run(s) %1 changed records of run %2 again, or records linked to them: revert them first (newest first) to revert those records as well.</source>
        <translation>
            <numerusform>Later run %1 changed records of run %2 again, or records linked to them: revert it first to revert those records as well.</numerusform>
            <numerusform>Later runs %1 changed records of run %2 again, or records linked to them: revert them first (newest first) to revert those records as well.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Run %1 cannot be reverted first: its %Ln conflicting record(s) changed since run %1, or are still needed by other records; the records of run %2 it changed again, or that are linked to records it changed, will stay skipped.</source>
        <translation>
            <numerusform>Run %1 cannot be reverted first: its %Ln conflicting record changed since run %1, or is still needed by other records; the records of run %2 it changed again, or that are linked to records it changed, will stay skipped.</numerusform>
            <numerusform>Run %1 cannot be reverted first: its %Ln conflicting records changed since run %1, or are still needed by other records; the records of run %2 it changed again, or that are linked to records it changed, will stay skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revert &amp;later run(s) %1 first (newest first), then run %2</source>
        <translation>
            <numerusform>Revert &amp;later run %1 first, then run %2</numerusform>
            <numerusform>Revert &amp;later runs %1 first (newest first), then run %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Later run(s) %1, then run %2, are being reverted in the store, each in a revert of its own. Stop the revert? The runs already reverted stay reverted; nothing more will be written.</source>
        <translation>
            <numerusform>Later run %1, then run %2, are being reverted in the store, each in a revert of its own. Stop the revert? The runs already reverted stay reverted; nothing more will be written.</numerusform>
            <numerusform>Later runs %1, then run %2, are being reverted in the store, each in a revert of its own. Stop the revert? The runs already reverted stay reverted; nothing more will be written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Run %1 was not reverted first: its %Ln conflicting record(s) changed since run %1, or are still needed by other records.</source>
        <translation>
            <numerusform>Run %1 was not reverted first: its %Ln conflicting record changed since run %1, or is still needed by other records.</numerusform>
            <numerusform>Run %1 was not reverted first: its %Ln conflicting records changed since run %1, or are still needed by other records.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) skipped as conflicts.</source>
        <translation>
            <numerusform>%Ln record skipped as a conflict.</numerusform>
            <numerusform>%Ln records skipped as conflicts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunCounts</name>
    <message numerus="yes">
        <source>%1 unregistered</source>
        <translation>
            <numerusform>%1 unregistered</numerusform>
            <numerusform>%1 unregistered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 created</source>
        <translation>
            <numerusform>%1 created</numerusform>
            <numerusform>%1 created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 updated</source>
        <translation>
            <numerusform>%1 updated</numerusform>
            <numerusform>%1 updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 unchanged</source>
        <translation>
            <numerusform>%1 unchanged</numerusform>
            <numerusform>%1 unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 deleted</source>
        <translation>
            <numerusform>%1 deleted</numerusform>
            <numerusform>%1 deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 error(s)</source>
        <translation>
            <numerusform>%1 error</numerusform>
            <numerusform>%1 errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 restored</source>
        <translation>
            <numerusform>%1 restored</numerusform>
            <numerusform>%1 restored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 recreated</source>
        <translation>
            <numerusform>%1 recreated</numerusform>
            <numerusform>%1 recreated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 skipped</source>
        <translation>
            <numerusform>%1 skipped</numerusform>
            <numerusform>%1 skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SavingCopies</name>
    <message numerus="yes">
        <source>Saving the corrected copy(ies)</source>
        <translation>
            <numerusform>Saving the corrected copy</numerusform>
            <numerusform>Saving the corrected copies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saving the corrected copy(ies)…</source>
        <translation>
            <numerusform>Saving the corrected copy…</numerusform>
            <numerusform>Saving the corrected copies…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoreBrowser</name>
    <message numerus="yes">
        <source>Run %1: %Ln file(s) read:</source>
        <translation>
            <numerusform>Run %1: %Ln file read:</numerusform>
            <numerusform>Run %1: %Ln files read:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Run %1: %Ln cell(s) corrected in the preview before the commit:</source>
        <translation>
            <numerusform>Run %1: %Ln cell corrected in the preview before the commit:</numerusform>
            <numerusform>Run %1: %Ln cells corrected in the preview before the commit:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Wizard</name>
    <message numerus="yes">
        <source>Discard them and start &amp;anew</source>
        <translation>
            <numerusform>Discard it and start &amp;anew</numerusform>
            <numerusform>Discard them and start &amp;anew</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Discard them and &amp;quit</source>
        <translation>
            <numerusform>Discard it and &amp;quit</numerusform>
            <numerusform>Discard them and &amp;quit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln correction(s) of the preview are not saved yet (in a corrected copy or a commit). They stay with their file while this window is open, and come back when it is checked again.</source>
        <translation>
            <numerusform>%Ln correction of the preview is not saved yet (in a corrected copy or a commit). It stays with its file while this window is open, and comes back when it is checked again.</numerusform>
            <numerusform>%Ln corrections of the preview are not saved yet (in a corrected copy or a commit). They stay with their file while this window is open, and come back when it is checked again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Keep them and open</source>
        <translation>
            <numerusform>&amp;Keep it and open</numerusform>
            <numerusform>&amp;Keep them and open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Discard them and open</source>
        <translation>
            <numerusform>&amp;Discard it and open</numerusform>
            <numerusform>&amp;Discard them and open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln correction(s) of the preview, neither committed nor saved in a corrected copy of their file, would be lost too.</source>
        <translation>
            <numerusform>%Ln correction of the preview, neither committed nor saved in a corrected copy of its file, would be lost too.</numerusform>
            <numerusform>%Ln corrections of the preview, neither committed nor saved in a corrected copy of their file, would be lost too.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Save the corrected copy(ies), drop the changes</source>
        <translation>
            <numerusform>&amp;Save the corrected copy, drop the changes</numerusform>
            <numerusform>&amp;Save the corrected copies, drop the changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln correction(s) of the preview are neither committed nor saved in a corrected copy of their file. Save them in %1, beside the file they correct?</source>
        <translation>
            <numerusform>%Ln correction of the preview is neither committed nor saved in a corrected copy of its file. Save it in %1, beside the file it corrects?</numerusform>
            <numerusform>%Ln corrections of the preview are neither committed nor saved in a corrected copy of their file. Save them in %1, beside the file they correct?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Save the corrected copy(ies)</source>
        <translation>
            <numerusform>&amp;Save the corrected copy</numerusform>
            <numerusform>&amp;Save the corrected copies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln correction(s) of the preview are neither committed nor saved in a corrected copy of their file, and your changes to the configuration (its reading, action, mapping or XML) are not saved either. Save the corrections in %1, beside the file they correct, and the configuration %2?</source>
        <translation>
            <numerusform>%Ln correction of the preview is neither committed nor saved in a corrected copy of its file, and your changes to the configuration (its reading, action, mapping or XML) are not saved either. Save the correction in %1, beside the file it corrects, and the configuration %2?</numerusform>
            <numerusform>%Ln corrections of the preview are neither committed nor saved in a corrected copy of their file, and your changes to the configuration (its reading, action, mapping or XML) are not saved either. Save the corrections in %1, beside the file they correct, and the configuration %2?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Save the copy(ies) and the configuration</source>
        <translation>
            <numerusform>&amp;Save the copy and the configuration</numerusform>
            <numerusform>&amp;Save the copies and the configuration</numerusform>
        </translation>
    </message>
</context>
</TS>
