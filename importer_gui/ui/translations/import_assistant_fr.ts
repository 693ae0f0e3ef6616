<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>Store: %1</source>
        <translation>Base&#xa0;: %1</translation>
    </message>
    <message>
        <source>Configurations: %1</source>
        <translation>Configurations&#xa0;: %1</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>Journal&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About %1</source>
        <translation>À propos d&apos;%1</translation>
    </message>
    <message>
        <source>Checks training-catalogue spreadsheets against an import configuration before anything is committed.</source>
        <translation>Vérifie les tableurs du catalogue de formations d&apos;après une configuration d&apos;import, avant toute validation.</translation>
    </message>
    <message>
        <source>Version details</source>
        <translation>Détails de la version</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Copier les détails</translation>
    </message>
    <message>
        <source>Copy these details, to paste them into a support request</source>
        <translation>Copier ces détails pour les coller dans une demande d&apos;assistance</translation>
    </message>
</context>
<context>
    <name>ActionPage</name>
    <message>
        <source>What does the file feed?</source>
        <translation>Qu&apos;alimente le fichier&#xa0;?</translation>
    </message>
    <message>
        <source>Choose the action the platform runs on every row.</source>
        <translation>Choisissez l&apos;action que la plateforme exécute sur chaque ligne.</translation>
    </message>
    <message>
        <source>Teachers are back-office users, for whom the platform has no import: this action is Import Assistant&apos;s own. It tells the store who the teachers are (sessions and interventions name them by login) and stays out of the package sent to the platform. Learners are kept apart: import them with the learners&apos; action.</source>
        <translation>Les formateurs sont des utilisateurs du back-office, pour qui la plateforme n&apos;a pas d&apos;import&#xa0;: cette action est propre à Import Assistant. Elle indique à la base qui sont les formateurs (les sessions et les interventions les désignent par leur identifiant) et reste hors du paquet envoyé à la plateforme. Les apprenants sont à part&#xa0;: importez-les avec l&apos;action des apprenants.</translation>
    </message>
</context>
<context>
    <name>BasePage</name>
    <message>
        <source>Something unexpected went wrong; details are in the log (%1).</source>
        <translation>Une erreur inattendue s&apos;est produite&#xa0;; les détails sont dans le journal (%1).</translation>
    </message>
    <message>
        <source>File %1 (import %2 of %3)</source>
        <translation>Fichier %1 (import %2 sur %3)</translation>
    </message>
</context>
<context>
    <name>CodesBoxes</name>
    <message>
        <source>Codes in the file for %1</source>
        <translation>Codes du fichier pour %1</translation>
    </message>
    <message>
        <source>Not used: no column feeds %1. Choose it for a column above to set its codes.</source>
        <translation>Inutilisés&#xa0;: aucune colonne n&apos;alimente %1. Choisissez ce champ pour une colonne ci-dessus pour en régler les codes.</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>Par défaut&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ColumnRows</name>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>Exemples de valeurs</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Colonne %1</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Field for column %1</source>
        <translation>Champ de la colonne %1</translation>
    </message>
    <message>
        <source>GUID of the custom field</source>
        <translation>GUID du champ personnalisé</translation>
    </message>
    <message>
        <source>GUID of the custom field in column %1</source>
        <translation>GUID du champ personnalisé de la colonne %1</translation>
    </message>
    <message>
        <source>The platform&apos;s GUID of the custom field this column feeds.</source>
        <translation>Le GUID, sur la plateforme, du champ personnalisé que cette colonne alimente.</translation>
    </message>
    <message>
        <source>guessed (was “%1”)</source>
        <translation>devinée (anciennement «&#xa0;%1&#xa0;»)</translation>
    </message>
    <message>
        <source>The saved mapping fed %1 from the column “%2”, which this file lacks: this column may be it, renamed. Check it.</source>
        <translation>La correspondance enregistrée alimentait %1 depuis la colonne «&#xa0;%2&#xa0;», absente de ce fichier&#xa0;: cette colonne est peut-être celle-là, renommée. Vérifiez-la.</translation>
    </message>
    <message>
        <source>guessed (%1)</source>
        <translation>devinée (%1)</translation>
    </message>
    <message>
        <source>Suggested from the header &quot;%1&quot; (%2 match): check it.</source>
        <translation>Suggérée d&apos;après l&apos;en-tête «&#xa0;%1&#xa0;» (correspondance %2)&#xa0;: vérifiez-la.</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exacte</translation>
    </message>
    <message>
        <source>normalised</source>
        <translation>normalisée</translation>
    </message>
    <message>
        <source>synonym</source>
        <translation>synonyme</translation>
    </message>
    <message>
        <source>close</source>
        <translation>proche</translation>
    </message>
</context>
<context>
    <name>CommitPage</name>
    <message>
        <source>Commit</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>The rows without errors are written to the store in one transaction: all of them, or none.</source>
        <translation>Les lignes sans erreur sont écrites dans la base en une seule transaction&#xa0;: toutes, ou aucune.</translation>
    </message>
    <message>
        <source>C&amp;ancel</source>
        <translation>A&amp;nnuler</translation>
    </message>
    <message>
        <source>Commit a&amp;gain</source>
        <translation>Valider à &amp;nouveau</translation>
    </message>
    <message>
        <source>C&amp;heck again</source>
        <translation>Vé&amp;rifier à nouveau</translation>
    </message>
    <message numerus="yes">
        <source>The %Ln correction(s) made in the preview are recorded with it: the store browser&apos;s History tab shows them.</source>
        <translation>
            <numerusform>%Ln correction faite dans l&apos;aperçu est enregistrée avec elle&#xa0;: l&apos;onglet Historique de l&apos;explorateur de la base l&apos;affiche.</numerusform>
            <numerusform>Les %Ln corrections faites dans l&apos;aperçu sont enregistrées avec elle&#xa0;: l&apos;onglet Historique de l&apos;explorateur de la base les affiche.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the store b&amp;rowser and history…</source>
        <translation>Ouvrir l&apos;&amp;explorateur de la base et l&apos;historique…</translation>
    </message>
    <message>
        <source>&amp;Package for the platform…</source>
        <translation>Pa&amp;quet pour la plateforme…</translation>
    </message>
    <message>
        <source>Sen&amp;d to the platform…</source>
        <translation>En&amp;voyer à la plateforme…</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Créées&#xa0;:</translation>
    </message>
    <message>
        <source>Updated:</source>
        <translation>Mises à jour&#xa0;:</translation>
    </message>
    <message>
        <source>Unregistered:</source>
        <translation>Désinscrites&#xa0;:</translation>
    </message>
    <message>
        <source>Deleted:</source>
        <translation>Supprimées&#xa0;:</translation>
    </message>
    <message>
        <source>Unchanged:</source>
        <translation>Inchangées&#xa0;:</translation>
    </message>
    <message>
        <source>Skipped with errors:</source>
        <translation>Ignorées (erreurs)&#xa0;:</translation>
    </message>
    <message>
        <source>There is nothing to commit: go back to the preview.</source>
        <translation>Il n&apos;y a rien à valider&#xa0;: revenez à l&apos;aperçu.</translation>
    </message>
    <message>
        <source>Checking every row again with your corrections…</source>
        <translation>Nouvelle vérification de chaque ligne avec vos corrections…</translation>
    </message>
    <message>
        <source>Committing…</source>
        <translation>Validation…</translation>
    </message>
    <message>
        <source>The commit had ended before it could be stopped: run %1 is in the store.</source>
        <translation>La validation s&apos;était terminée avant de pouvoir être arrêtée&#xa0;: l&apos;exécution %1 est dans la base.</translation>
    </message>
    <message numerus="yes">
        <source>Checked again with your corrections, %Ln row(s) now have a different outcome (the first on line %1 of %2). Nothing was written: look at them, then commit.</source>
        <translation>
            <numerusform>Après une nouvelle vérification avec vos corrections, %Ln ligne a désormais un autre résultat (ligne %1 du fichier %2). Rien n&apos;a été écrit&#xa0;: examinez-la, puis validez.</numerusform>
            <numerusform>Après une nouvelle vérification avec vos corrections, %Ln lignes ont désormais un autre résultat (la première&#xa0;: ligne %1 du fichier %2). Rien n&apos;a été écrit&#xa0;: examinez-les, puis validez.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln created</source>
        <translation>
            <numerusform>%Ln créée</numerusform>
            <numerusform>%Ln créées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln mise à jour</numerusform>
            <numerusform>%Ln mises à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unregistered</source>
        <translation>
            <numerusform>%Ln désinscrite</numerusform>
            <numerusform>%Ln désinscrites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted</source>
        <translation>
            <numerusform>%Ln supprimée</numerusform>
            <numerusform>%Ln supprimées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unchanged</source>
        <translation>
            <numerusform>%Ln inchangée</numerusform>
            <numerusform>%Ln inchangées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln skipped with errors</source>
        <translation>
            <numerusform>%Ln ignorée car en erreur</numerusform>
            <numerusform>%Ln ignorées car en erreur</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <comment>the commit&apos;s counts as a screen reader says them</comment>
        <translation>%1&#xa0;: %2.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln ligne</numerusform>
            <numerusform>%Ln lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>Committed: run %1 is in the history.</source>
        <translation>Validé&#xa0;: l&apos;exécution %1 figure dans l&apos;historique.</translation>
    </message>
    <message>
        <source>Run %1 was reverted by run %2: what it wrote is no longer in the store.</source>
        <translation>L&apos;exécution %1 a été défaite par l&apos;exécution %2&#xa0;: ce qu&apos;elle a écrit n&apos;est plus dans la base.</translation>
    </message>
    <message>
        <source>Run %1 was reverted by run %2: its rows are no longer in the store.</source>
        <translation>L&apos;exécution %1 a été défaite par l&apos;exécution %2&#xa0;: ses lignes ne sont plus dans la base.</translation>
    </message>
    <message numerus="yes">
        <source>Run %1 was partly reverted by run(s) %2: only part of what it wrote is still in the store.</source>
        <translation>
            <numerusform>L&apos;exécution %1 a été défaite en partie par l&apos;exécution %2&#xa0;: une partie seulement de ce qu&apos;elle a écrit est encore dans la base.</numerusform>
            <numerusform>L&apos;exécution %1 a été défaite en partie par les exécutions %2&#xa0;: une partie seulement de ce qu&apos;elle a écrit est encore dans la base.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Run %1 was partly reverted by run(s) %2: some of its rows are no longer in the store.</source>
        <translation>
            <numerusform>L&apos;exécution %1 a été défaite en partie par l&apos;exécution %2&#xa0;: certaines de ses lignes ne sont plus dans la base.</numerusform>
            <numerusform>L&apos;exécution %1 a été défaite en partie par les exécutions %2&#xa0;: certaines de ses lignes ne sont plus dans la base.</numerusform>
        </translation>
    </message>
    <message>
        <source>Error log: %1</source>
        <translation>Journal d&apos;erreurs&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Annulé&#xa0;: rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Nothing was written: a data file is no longer there (moved or deleted since it was checked). Put it back and check it again, or open it where it now is.</source>
        <translation>Rien n&apos;a été écrit&#xa0;: un fichier de données n&apos;est plus là (déplacé ou supprimé depuis sa vérification). Remettez-le et vérifiez-le à nouveau, ou ouvrez-le là où il se trouve maintenant.</translation>
    </message>
    <message>
        <source>Nothing was written: a data file changed since it was checked. Check it again, then commit.</source>
        <translation>Rien n&apos;a été écrit&#xa0;: un fichier de données a changé depuis sa vérification. Vérifiez-le à nouveau, puis validez.</translation>
    </message>
    <message>
        <source>Available once the rows are committed</source>
        <translation>Disponible une fois les lignes validées</translation>
    </message>
    <message>
        <source>The rows are being written to the store.</source>
        <translation>Les lignes sont en cours d&apos;écriture dans la base.</translation>
    </message>
    <message>
        <source>The rows are being checked again with your corrections, to be written to the store next.</source>
        <translation>Les lignes sont vérifiées à nouveau avec vos corrections, avant d&apos;être écrites dans la base.</translation>
    </message>
    <message>
        <source>A commit is running</source>
        <translation>Une validation est en cours</translation>
    </message>
    <message>
        <source>%1 Stop the commit? Nothing will be written.</source>
        <translation>%1 Arrêter la validation&#xa0;? Rien ne sera écrit.</translation>
    </message>
    <message>
        <source>&amp;Stop the commit</source>
        <translation>&amp;Arrêter la validation</translation>
    </message>
    <message>
        <source>&amp;Go on committing</source>
        <translation>&amp;Continuer la validation</translation>
    </message>
    <message>
        <source>Open the store b&amp;rowser of %1 and its history…</source>
        <translation>Ouvrir l&apos;&amp;explorateur de la base %1 et son historique…</translation>
    </message>
    <message>
        <source>Run %1 went to the store %2, not to the one the window works on now (%3).</source>
        <translation>L&apos;exécution %1 a été écrite dans la base %2, et non dans celle où la fenêtre travaille maintenant (%3).</translation>
    </message>
</context>
<context>
    <name>ConfigPage</name>
    <message>
        <source>The configuration</source>
        <translation>La configuration</translation>
    </message>
    <message>
        <source>This is the XML the platform reads. Edit it here if you like: the earlier pages follow. Save it to send it on, or into your library to use it again.</source>
        <translation>Voici le XML que lit la plateforme. Vous pouvez le modifier ici&#xa0;: les pages précédentes suivent. Enregistrez-le pour le transmettre, ou dans votre bibliothèque pour le réutiliser.</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Enregistrer s&amp;ous…</translation>
    </message>
    <message>
        <source>Checking the columns mapped by header against the file…</source>
        <translation>Vérification des colonnes associées par leur en-tête dans le fichier…</translation>
    </message>
    <message>
        <source>The configuration is valid.</source>
        <translation>La configuration est valide.</translation>
    </message>
    <message>
        <source>Line %1: </source>
        <translation>Ligne %1&#xa0;: </translation>
    </message>
    <message>
        <source>Fix the configuration first.</source>
        <translation>Corrigez d&apos;abord la configuration.</translation>
    </message>
    <message>
        <source>The file&apos;s columns are still being checked: wait until the configuration is said to be valid.</source>
        <translation>Les colonnes du fichier sont encore en cours de vérification&#xa0;: attendez que la page indique que la configuration est valide.</translation>
    </message>
    <message>
        <source>Save the configuration</source>
        <translation>Enregistrer la configuration</translation>
    </message>
    <message>
        <source>Configurations (%1)</source>
        <translation>Configurations (%1)</translation>
    </message>
    <message>
        <source>Save to library</source>
        <translation>Enregistrer dans la bibliothèque</translation>
    </message>
    <message>
        <source>&amp;Name of the configuration:</source>
        <translation>&amp;Nom de la configuration&#xa0;:</translation>
    </message>
    <message>
        <source>Fix the configuration before saving it.</source>
        <translation>Corrigez la configuration avant de l&apos;enregistrer.</translation>
    </message>
    <message>
        <source>%1: could not save (%2).</source>
        <translation>%1&#xa0;: enregistrement impossible (%2).</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Enregistrée dans %1.</translation>
    </message>
    <message>
        <source>Save to l&amp;ibrary…</source>
        <translation>Enregistrer dans la &amp;bibliothèque…</translation>
    </message>
    <message>
        <source>Kept as you typed it at line %1, where the earlier pages changed the configuration too: their change is not in it.</source>
        <translation>Gardé tel que vous l&apos;avez tapé à la ligne %1, où les pages précédentes ont aussi modifié la configuration&#xa0;: leur modification n&apos;y est pas.</translation>
    </message>
    <message>
        <source>Saving to %1…</source>
        <translation>Enregistrement dans %1…</translation>
    </message>
    <message>
        <source>The configuration changed on disk</source>
        <translation>La configuration a changé sur le disque</translation>
    </message>
    <message>
        <source>%1 was changed by another program since it was opened here. Replace it with this configuration? (Its changes would be lost.)</source>
        <translation>%1 a été modifié par un autre programme depuis son ouverture ici. Le remplacer par cette configuration&#xa0;? (Ses modifications seraient perdues.)</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <comment>the file changed on disk</comment>
        <translation>Le &amp;garder</translation>
    </message>
    <message>
        <source>&amp;Replace it</source>
        <comment>the file changed on disk</comment>
        <translation>Le &amp;remplacer</translation>
    </message>
    <message>
        <source>Not saved: %1 was changed on disk. Open it again or save under another name.</source>
        <translation>Non enregistrée&#xa0;: %1 a changé sur le disque. Rouvrez-le ou enregistrez sous un autre nom.</translation>
    </message>
    <message>
        <source>Replace the saved configuration?</source>
        <translation>Remplacer la configuration enregistrée&#xa0;?</translation>
    </message>
    <message>
        <source>A configuration named %1 is already in your library: %2.

Replace it with this one? The one in the library would be lost.</source>
        <translation>Une configuration nommée %1 est déjà dans votre bibliothèque&#xa0;: %2.

La remplacer par celle-ci&#xa0;? Celle de la bibliothèque serait perdue.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;Replace it</source>
        <translation>&amp;La remplacer</translation>
    </message>
    <message>
        <source>Not saved: your library keeps its configuration %1. Save under another name.</source>
        <translation>Non enregistrée&#xa0;: votre bibliothèque garde sa configuration %1. Enregistrez sous un autre nom.</translation>
    </message>
    <message>
        <source>a configuration that cannot be read</source>
        <translation>une configuration illisible</translation>
    </message>
    <message>
        <source>%1 (%2) from %3</source>
        <translation>%1 (%2) à partir de %3</translation>
    </message>
    <message>
        <source>no import</source>
        <translation>aucun import</translation>
    </message>
</context>
<context>
    <name>ConnectingDialog</name>
    <message>
        <source>Open store</source>
        <translation>Ouvrir une base</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Opening the store %1…</source>
        <translation>Ouverture de la base %1…</translation>
    </message>
</context>
<context>
    <name>CorrectionsModel</name>
    <message>
        <source>File and line</source>
        <translation>Fichier et ligne</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>colonne %1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
</context>
<context>
    <name>CountsLine</name>
    <message>
        <source>%1.</source>
        <comment>a picker row&apos;s counts as a screen reader says them</comment>
        <translation>%1.</translation>
    </message>
</context>
<context>
    <name>FilesTip</name>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… et %Ln autre</numerusform>
            <numerusform>… et %Ln autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more: select the run to see them all below</source>
        <translation>
            <numerusform>… et %Ln autre&#xa0;: sélectionnez l&apos;exécution pour les voir tous ci-dessous</numerusform>
            <numerusform>… et %Ln autres&#xa0;: sélectionnez l&apos;exécution pour les voir tous ci-dessous</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Fin&amp;d:</source>
        <translation>Rec&amp;hercher&#xa0;:</translation>
    </message>
    <message>
        <source>Previous match (%1)</source>
        <translation>Occurrence précédente (%1)</translation>
    </message>
    <message>
        <source>Next match (%1)</source>
        <translation>Occurrence suivante (%1)</translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation>Respecter la &amp;casse</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Fermer la barre de recherche (Échap)</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>Fermer la barre de recherche</translation>
    </message>
    <message>
        <source>R&amp;eplace with:</source>
        <translation>R&amp;emplacer par&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Remplacer</translation>
    </message>
    <message>
        <source>Re&amp;place all</source>
        <translation>&amp;Tout remplacer</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln occurrence</numerusform>
            <numerusform>%Ln occurrences</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln replaced</source>
        <translation>
            <numerusform>%Ln remplacement</numerusform>
            <numerusform>%Ln remplacements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message>
        <source>Find and replace</source>
        <translation>Rechercher et remplacer</translation>
    </message>
    <message>
        <source>Every row the preview shows is corrected and checked again; a filtered view corrects only its rows.</source>
        <translation>Chaque ligne affichée par l&apos;aperçu est corrigée et vérifiée à nouveau&#xa0;; une vue filtrée ne corrige que ses lignes.</translation>
    </message>
    <message>
        <source>The &amp;whole cell only</source>
        <translation>La cellule &amp;entière seulement</translation>
    </message>
    <message>
        <source>&amp;Column:</source>
        <translation>&amp;Colonne&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>&amp;Champ&#xa0;:</translation>
    </message>
    <message>
        <source>Fi&amp;nd:</source>
        <translation>&amp;Rechercher&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Replace with:</source>
        <translation>Remplacer &amp;par&#xa0;:</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>Annu&amp;ler</translation>
    </message>
    <message>
        <source>Replace &amp;all</source>
        <translation>&amp;Tout remplacer</translation>
    </message>
    <message>
        <source>&amp;Undo the last replace</source>
        <translation>&amp;Annuler le dernier remplacement</translation>
    </message>
    <message>
        <source>%1 (column %2)</source>
        <translation>%1 (colonne %2)</translation>
    </message>
    <message>
        <source>Searched in: %1</source>
        <translation>Recherché dans&#xa0;: %1</translation>
    </message>
    <message>
        <source>Searching the rows…</source>
        <translation>Recherche dans les lignes…</translation>
    </message>
    <message>
        <source>Correcting and checking the rows…</source>
        <translation>Correction et vérification des lignes…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln cell(s) corrected.</source>
        <translation>
            <numerusform>%Ln cellule corrigée.</numerusform>
            <numerusform>%Ln cellules corrigées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cell(s) corrected: %1.</source>
        <translation>
            <numerusform>%Ln cellule corrigée&#xa0;: %1.</numerusform>
            <numerusform>%Ln cellules corrigées&#xa0;: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln in %1</source>
        <translation>
            <numerusform>%Ln dans %1</numerusform>
            <numerusform>%Ln dans %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Put back the %Ln cell(s) the last replace changed</source>
        <translation>
            <numerusform>Remettre comme avant %Ln cellule changée par le dernier remplacement</numerusform>
            <numerusform>Remettre comme avant les %Ln cellules changées par le dernier remplacement</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Rien à annuler</translation>
    </message>
    <message>
        <source>Putting the cells back…</source>
        <translation>Remise des cellules en l&apos;état…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln cell(s) put back as they were.</source>
        <translation>
            <numerusform>%Ln cellule remise comme avant.</numerusform>
            <numerusform>%Ln cellules remises comme avant.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cell(s) put back as they were: %1.</source>
        <translation>
            <numerusform>%Ln cellule remise comme avant&#xa0;: %1.</numerusform>
            <numerusform>%Ln cellules remises comme avant&#xa0;: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cell(s) edited since were left as they are.</source>
        <translation>
            <numerusform>%Ln cellule modifiée depuis a été laissée telle quelle.</numerusform>
            <numerusform>%Ln cellules modifiées depuis ont été laissées telles quelles.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: no cell was changed.</source>
        <translation>Annulé&#xa0;: aucune cellule n&apos;a été modifiée.</translation>
    </message>
    <message>
        <source>%1 Stopped there: %2</source>
        <translation>%1 Arrêté là&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Reverted by / reverts</source>
        <translation>Défaite par / défait</translation>
    </message>
    <message>
        <source>(not saved)</source>
        <translation>(non enregistrée)</translation>
    </message>
    <message>
        <source>reverts run %1</source>
        <translation>défait l&apos;exécution %1</translation>
    </message>
    <message>
        <source>reverted by run %1</source>
        <translation>défaite par l&apos;exécution %1</translation>
    </message>
    <message>
        <source>partly reverted by run %1, the rest can be reverted</source>
        <translation>défaite en partie par l&apos;exécution %1, le reste peut être défait</translation>
    </message>
    <message>
        <source>partly reverted by runs %1, the rest can be reverted</source>
        <translation>défaite en partie par les exécutions %1, le reste peut être défait</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>sur %1</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Import Assistant will speak this language from its next start.</source>
        <translation>Import Assistant parlera cette langue dès son prochain démarrage.</translation>
    </message>
    <message>
        <source>Import Assistant cannot remember this language for its next start: its settings file %1 cannot be written (%2).</source>
        <translation>Import Assistant ne peut pas retenir cette langue pour son prochain démarrage&#xa0;: son fichier de réglages %1 ne peut pas être écrit (%2).</translation>
    </message>
    <message>
        <source>Import Assistant cannot remember this language for its next start: its settings file %1 cannot be written.</source>
        <translation>Import Assistant ne peut pas retenir cette langue pour son prochain démarrage&#xa0;: son fichier de réglages %1 ne peut pas être écrit.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>%1 — from the next start</source>
        <translation>%1 — au prochain démarrage</translation>
    </message>
    <message>
        <source>%1 — translation missing</source>
        <translation>%1 — traduction absente</translation>
    </message>
    <message>
        <source>%1 — in use now</source>
        <translation>%1 — langue actuelle</translation>
    </message>
    <message>
        <source>&amp;System language (%1)</source>
        <translation>Langue du &amp;système (%1)</translation>
    </message>
    <message>
        <source>Import Assistant cannot speak this language: its translation file %1 is missing.</source>
        <translation>Import Assistant ne peut pas parler cette langue&#xa0;: son fichier de traduction %1 est introuvable.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The store opened last, %1, is no longer there: this is the usual store, %2. File ▸ Open store… opens another.</source>
        <translation>La base ouverte en dernier, %1, n&apos;existe plus&#xa0;: voici la base habituelle, %2. Fichier ▸ Ouvrir une base… en ouvre une autre.</translation>
    </message>
    <message>
        <source>The store opened last cannot be opened (%1): this is the usual store, %2. File ▸ Open store… opens another.</source>
        <translation>La base ouverte en dernier ne peut pas être ouverte (%1)&#xa0;: voici la base habituelle, %2. Fichier ▸ Ouvrir une base… en ouvre une autre.</translation>
    </message>
    <message>
        <source>Import Assistant</source>
        <translation>Import Assistant</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was written. Details are in the application log (%1).</source>
        <translation>Une erreur inattendue s&apos;est produite&#xa0;; rien n&apos;a été écrit. Les détails sont dans le journal de l&apos;application (%1).</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open &amp;sample</source>
        <translation>Ouvrir l&apos;&amp;exemple</translation>
    </message>
    <message>
        <source>&amp;Recent files</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <source>Open s&amp;tore…</source>
        <translation>Ouvrir une ba&amp;se…</translation>
    </message>
    <message>
        <source>R&amp;ecent stores</source>
        <translation>Bases récen&amp;tes</translation>
    </message>
    <message>
        <source>&amp;New import</source>
        <translation>&amp;Nouvel import</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>O&amp;utils</translation>
    </message>
    <message>
        <source>&amp;Store browser…</source>
        <translation>&amp;Explorateur de la base…</translation>
    </message>
    <message>
        <source>&amp;Refresh from the platform&apos;s exports…</source>
        <translation>&amp;Actualiser depuis les exports de la plateforme…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Import Assistant</source>
        <translation>À &amp;propos d&apos;Import Assistant</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>&amp;Vider la liste</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <comment>files</comment>
        <translation>(aucun pour l&apos;instant)</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <comment>stores</comment>
        <translation>(aucune pour l&apos;instant)</translation>
    </message>
    <message>
        <source>The sample is not installed (%1).</source>
        <translation>L&apos;exemple n&apos;est pas installé (%1).</translation>
    </message>
    <message>
        <source>The sample could not be copied to %1: %2</source>
        <translation>L&apos;exemple n&apos;a pas pu être copié dans %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The store %1 is no longer there. File ▸ Open store… opens another.</source>
        <translation>La base %1 n&apos;existe plus. Fichier ▸ Ouvrir une base… en ouvre une autre.</translation>
    </message>
    <message>
        <source>Import Assistant — %1</source>
        <translation>Import Assistant — %1</translation>
    </message>
</context>
<context>
    <name>MappingNotices</name>
    <message>
        <source>The saved mapping was matched to this file&apos;s columns by their headers.</source>
        <translation>La correspondance enregistrée a été appliquée aux colonnes de ce fichier d&apos;après leurs en-têtes.</translation>
    </message>
    <message>
        <source>Moved: %1.</source>
        <translation>Déplacées&#xa0;: %1.</translation>
    </message>
    <message>
        <source>“%1” (column %2 → %3)</source>
        <translation>«&#xa0;%1&#xa0;» (colonne %2 → %3)</translation>
    </message>
    <message numerus="yes">
        <source>New, skipped unless you map them: %1.</source>
        <translation>
            <numerusform>Nouvelle, ignorée tant que vous ne l&apos;associez pas&#xa0;: %1.</numerusform>
            <numerusform>Nouvelles, ignorées tant que vous ne les associez pas&#xa0;: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” (column %2)</source>
        <translation>«&#xa0;%1&#xa0;» (colonne %2)</translation>
    </message>
    <message>
        <source>“%1” (%2)</source>
        <translation>«&#xa0;%1&#xa0;» (%2)</translation>
    </message>
    <message>
        <source>Fed now from another column: %1.</source>
        <translation>Une autre colonne alimente désormais le champ&#xa0;: %1.</translation>
    </message>
    <message>
        <source>“%1” (column %2) for “%3” (%4)</source>
        <translation>«&#xa0;%1&#xa0;» (colonne %2) à la place de «&#xa0;%3&#xa0;» (%4)</translation>
    </message>
    <message>
        <source>Perhaps renamed, proposed in italics: %1.</source>
        <translation>Peut-être renommée, proposée en italique&#xa0;: %1.</translation>
    </message>
    <message>
        <source>“%1” (column %2) for %3</source>
        <translation>«&#xa0;%1&#xa0;» (colonne %2) pour %3</translation>
    </message>
    <message numerus="yes">
        <source>Missing from this file: %1. The saved mapping fed them; you go on without them.</source>
        <translation>
            <numerusform>Absente de ce fichier&#xa0;: %1. La correspondance enregistrée l&apos;alimentait&#xa0;; vous continuez sans elle.</numerusform>
            <numerusform>Absentes de ce fichier&#xa0;: %1. La correspondance enregistrée les alimentait&#xa0;; vous continuez sans elles.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Missing from this file: %1. The saved mapping fed them; map another column to them or go on without them.</source>
        <translation>
            <numerusform>Absente de ce fichier&#xa0;: %1. La correspondance enregistrée l&apos;alimentait&#xa0;; associez-lui une autre colonne ou continuez sans elle.</numerusform>
            <numerusform>Absentes de ce fichier&#xa0;: %1. La correspondance enregistrée les alimentait&#xa0;; associez-leur une autre colonne ou continuez sans elles.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Missing from this file: %1. The saved mapping fed them, and the import cannot go on without them: map other columns to them.</source>
        <translation>
            <numerusform>Absente de ce fichier&#xa0;: %1. La correspondance enregistrée l&apos;alimentait, et l&apos;import ne peut pas continuer sans elle&#xa0;: associez-lui une autre colonne.</numerusform>
            <numerusform>Absentes de ce fichier&#xa0;: %1. La correspondance enregistrée les alimentait, et l&apos;import ne peut pas continuer sans elles&#xa0;: associez-leur d&apos;autres colonnes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fed by more than one column: %1. Choose one column each.</source>
        <translation>Alimentés par plusieurs colonnes&#xa0;: %1. Choisissez une seule colonne pour chacun.</translation>
    </message>
    <message>
        <source>Give the GUID of the custom field fed by column %1.</source>
        <translation>Indiquez le GUID du champ personnalisé alimenté par la colonne %1.</translation>
    </message>
    <message numerus="yes">
        <source>No column feeds these mandatory fields: %1. Rows cannot be matched or checked on them.</source>
        <translation>
            <numerusform>Aucune colonne n&apos;alimente ce champ obligatoire&#xa0;: %1. Les lignes ne pourront être ni retrouvées ni vérifiées sur ce champ.</numerusform>
            <numerusform>Aucune colonne n&apos;alimente ces champs obligatoires&#xa0;: %1. Les lignes ne pourront être ni retrouvées ni vérifiées sur ces champs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Go on without them</source>
        <translation>
            <numerusform>&amp;Continuer sans lui</numerusform>
            <numerusform>&amp;Continuer sans eux</numerusform>
        </translation>
    </message>
    <message>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <source>No column feeds %1. The check finds each row&apos;s records by one of them, so the import cannot go on with none: map a column to one of them.</source>
        <translation>Aucune colonne n&apos;alimente %1. La vérification retrouve les enregistrements de chaque ligne par l&apos;un d&apos;eux&#xa0;: l&apos;import ne peut pas continuer sans aucun. Associez une colonne à l&apos;un d&apos;eux.</translation>
    </message>
    <message>
        <source>No column feeds %1 any more: the saved mapping fed %2 from the column “%3”, which this file lacks. The check finds each row&apos;s records by one of them, so the import cannot go on with none: map a column to one of them.</source>
        <translation>Plus aucune colonne n&apos;alimente %1&#xa0;: la correspondance enregistrée alimentait %2 depuis la colonne «&#xa0;%3&#xa0;», absente de ce fichier. La vérification retrouve les enregistrements de chaque ligne par l&apos;un d&apos;eux&#xa0;: l&apos;import ne peut pas continuer sans aucun. Associez une colonne à l&apos;un d&apos;eux.</translation>
    </message>
    <message>
        <source>No column feeds %1. The check finds each row&apos;s records by it, so the import cannot go on without it: map a column to it.</source>
        <translation>Aucune colonne n&apos;alimente %1. La vérification retrouve les enregistrements de chaque ligne par ce champ&#xa0;: l&apos;import ne peut pas continuer sans lui. Associez-lui une colonne.</translation>
    </message>
    <message>
        <source>No column feeds %1 any more: the saved mapping fed it from the column “%2”, which this file lacks. The check finds each row&apos;s records by it, so the import cannot go on without it: map a column to it.</source>
        <translation>Plus aucune colonne n&apos;alimente %1&#xa0;: la correspondance enregistrée l&apos;alimentait depuis la colonne «&#xa0;%2&#xa0;», absente de ce fichier. La vérification retrouve les enregistrements de chaque ligne par ce champ&#xa0;: l&apos;import ne peut pas continuer sans lui. Associez-lui une colonne.</translation>
    </message>
    <message>
        <source>No column feeds %1 any more: the saved mapping fed it from the column “%2”, which this file lacks. You go on without it.</source>
        <translation>Plus aucune colonne n&apos;alimente %1&#xa0;: la correspondance enregistrée l&apos;alimentait depuis la colonne «&#xa0;%2&#xa0;», absente de ce fichier. Vous continuez sans lui.</translation>
    </message>
    <message>
        <source>No column feeds %1 any more: the saved mapping fed it from the column “%2”, which this file lacks. Map a column to it, or go on without it.</source>
        <translation>Plus aucune colonne n&apos;alimente %1&#xa0;: la correspondance enregistrée l&apos;alimentait depuis la colonne «&#xa0;%2&#xa0;», absente de ce fichier. Associez-lui une colonne, ou continuez sans lui.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Map the columns</source>
        <translation>Associer les colonnes</translation>
    </message>
    <message>
        <source>Choose an action first.</source>
        <translation>Choisissez d&apos;abord une action.</translation>
    </message>
    <message>
        <source>Choose the field each column feeds. Suggestions in italics are guesses: check them. Columns set to “%1” are skipped.</source>
        <translation>Choisissez le champ qu&apos;alimente chaque colonne. Les suggestions en italique sont devinées&#xa0;: vérifiez-les. Les colonnes réglées sur «&#xa0;%1&#xa0;» sont ignorées.</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Colonne %1</translation>
    </message>
    <message>
        <source>Its columns cannot be shown without it: go Back to “Open a spreadsheet” and choose the file again.</source>
        <translation>Ses colonnes ne peuvent être montrées sans lui&#xa0;: revenez par Précédent à «&#xa0;Ouvrir un tableur&#xa0;» et choisissez à nouveau le fichier.</translation>
    </message>
    <message>
        <source>Map the columns first.</source>
        <translation>Associez d&apos;abord les colonnes.</translation>
    </message>
</context>
<context>
    <name>OpenPage</name>
    <message>
        <source>Open a spreadsheet</source>
        <translation>Ouvrir un tableur</translation>
    </message>
    <message>
        <source>Choose a workbook or CSV file to import, or a saved configuration. You can also drop a file onto this window.</source>
        <translation>Choisissez un classeur ou un fichier CSV à importer, ou une configuration enregistrée. Vous pouvez aussi déposer un fichier sur cette fenêtre.</translation>
    </message>
    <message>
        <source>&amp;Open a file…</source>
        <translation>&amp;Ouvrir un fichier…</translation>
    </message>
    <message>
        <source>Open a workbook, a CSV file or a configuration (Ctrl+O)</source>
        <translation>Ouvrir un classeur, un fichier CSV ou une configuration (Ctrl+O)</translation>
    </message>
    <message>
        <source>&amp;Recent files:</source>
        <translation>Fichiers &amp;récents&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Saved configurations:</source>
        <translation>&amp;Configurations enregistrées&#xa0;:</translation>
    </message>
    <message>
        <source>The configuration has several imports: the file, action and mapping pages show the one chosen here</source>
        <translation>La configuration contient plusieurs imports&#xa0;: les pages du fichier, de l&apos;action et des colonnes montrent celui choisi ici</translation>
    </message>
    <message>
        <source>&amp;Import:</source>
        <translation>&amp;Import&#xa0;:</translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation>Aucun fichier choisi pour l&apos;instant.</translation>
    </message>
    <message>
        <source>How to read it</source>
        <translation>Comment le lire</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulation</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The first line holds the col&amp;umn headers</source>
        <translation>La première ligne contient les en-&amp;têtes des colonnes</translation>
    </message>
    <message>
        <source>Sh&amp;eet:</source>
        <translation>F&amp;euille&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Encodage&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>Sé&amp;parateur&#xa0;:</translation>
    </message>
    <message>
        <source>First ro&amp;ws:</source>
        <translation>Premières lig&amp;nes&#xa0;:</translation>
    </message>
    <message>
        <source>C&amp;ancel</source>
        <translation>Ann&amp;uler</translation>
    </message>
    <message>
        <source>Stop opening this file; the file open before stays open (Escape)</source>
        <translation>Ne plus ouvrir ce fichier&#xa0;; celui ouvert avant le reste (Échap)</translation>
    </message>
    <message>
        <source>&amp;Choose the file…</source>
        <translation>C&amp;hoisir le fichier…</translation>
    </message>
    <message>
        <source>None yet: a configuration you save with “Save to library…”, on the page “The configuration”, is listed here to open again.</source>
        <translation>Aucune pour l&apos;instant&#xa0;: une configuration enregistrée avec «&#xa0;Enregistrer dans la bibliothèque…&#xa0;», à la page «&#xa0;La configuration&#xa0;», est listée ici pour être rouverte.</translation>
    </message>
    <message>
        <source>New here? File ▸ Open sample opens a sample configuration and its files, to see every page before opening your own.</source>
        <translation>Première fois&#xa0;? Fichier ▸ Ouvrir l&apos;exemple ouvre une configuration d&apos;exemple et ses fichiers, pour voir chaque page avant d&apos;ouvrir les vôtres.</translation>
    </message>
    <message>
        <source>Choose a sheet</source>
        <translation>Choisissez une feuille</translation>
    </message>
    <message>
        <source>Read this import from a file you choose; the configuration applies to it</source>
        <translation>Lire cet import dans un fichier que vous choisissez&#xa0;; la configuration s&apos;y applique</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>point-virgule</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>virgule</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>barre verticale</translation>
    </message>
    <message>
        <source>tabulation</source>
        <translation>tabulation</translation>
    </message>
    <message>
        <source>Open a spreadsheet or configuration</source>
        <translation>Ouvrir un tableur ou une configuration</translation>
    </message>
    <message>
        <source>Spreadsheets and configurations (%1);;All files (*)</source>
        <translation>Tableurs et configurations (%1);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>%1: too many misspelt names to fix one by one; correct them in the file.</source>
        <translation>%1&#xa0;: trop de noms mal orthographiés pour les corriger un par un&#xa0;; corrigez-les dans le fichier.</translation>
    </message>
    <message>
        <source>%1: the configuration has no import.</source>
        <translation>%1&#xa0;: la configuration ne contient aucun import.</translation>
    </message>
    <message>
        <source>Stop opening this configuration; what was open before stays open (Escape)</source>
        <translation>Ne plus ouvrir cette configuration&#xa0;; ce qui était ouvert avant le reste (Échap)</translation>
    </message>
    <message>
        <source>The configuration&apos;s data file %1 matches several files in %2. Choose the one to read for this import.</source>
        <translation>Le fichier de données de la configuration, %1, correspond à plusieurs fichiers dans %2. Choisissez celui à lire pour cet import.</translation>
    </message>
    <message>
        <source>The configuration&apos;s data file %1 matches no file in %2. Choose the file to read for this import.</source>
        <translation>Le fichier de données de la configuration, %1, ne correspond à aucun fichier dans %2. Choisissez le fichier à lire pour cet import.</translation>
    </message>
    <message>
        <source>The configuration&apos;s data file %1 in %2 cannot be read: %3. Choose the file to read for this import.</source>
        <translation>Le fichier de données de la configuration, %1, dans %2 ne peut pas être lu&#xa0;: %3. Choisissez le fichier à lire pour cet import.</translation>
    </message>
    <message>
        <source>The configuration&apos;s data file %1 is not in %2. Choose the file to read for this import.</source>
        <translation>Le fichier de données de la configuration, %1, n&apos;est pas dans %2. Choisissez le fichier à lire pour cet import.</translation>
    </message>
    <message>
        <source>The configuration names no data file for this import (its fileName is empty). Choose the file to read.</source>
        <translation>La configuration ne nomme aucun fichier de données pour cet import (son fileName est vide). Choisissez le fichier à lire.</translation>
    </message>
    <message>
        <source>The configuration reads %1 from %2, a folder outside its own (perhaps on another computer): a file from there is read only once you choose it. Choose the file to read for this import.</source>
        <translation>La configuration lit %1 dans %2, un dossier hors du sien (peut-être sur un autre ordinateur)&#xa0;: un fichier de ce dossier n&apos;est lu qu&apos;une fois que vous l&apos;avez choisi. Choisissez le fichier à lire pour cet import.</translation>
    </message>
    <message>
        <source>Choose the data file</source>
        <translation>Choisir le fichier de données</translation>
    </message>
    <message>
        <source>Spreadsheets (%1);;All files (*)</source>
        <translation>Tableurs (%1);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>A misspelt name?</source>
        <translation>Un nom mal orthographié&#xa0;?</translation>
    </message>
    <message>
        <source>%1

Use %2 instead of %3? The corrected configuration is opened from a copy, %4, beside the file; the file itself is changed only if you choose so.</source>
        <translation>%1

Utiliser %2 au lieu de %3&#xa0;? La configuration corrigée est ouverte depuis une copie, %4, à côté du fichier&#xa0;; le fichier lui-même n&apos;est modifié que si vous le choisissez.</translation>
    </message>
    <message>
        <source>&amp;Use %1 (a corrected copy)</source>
        <translation>&amp;Utiliser %1 (une copie corrigée)</translation>
    </message>
    <message>
        <source>Use %1 and &amp;change the file</source>
        <translation>Utiliser %1 et &amp;modifier le fichier</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The configuration %1 applies to this file: its reading options, date format and mapping are kept, its columns matched by header. To start afresh, choose File &gt; New import.</source>
        <translation>La configuration %1 s&apos;applique à ce fichier&#xa0;: ses options de lecture, son format de date et sa correspondance sont conservés, ses colonnes retrouvées par leur en-tête. Pour repartir de zéro, choisissez Fichier &gt; Nouvel import.</translation>
    </message>
    <message>
        <source>encoding</source>
        <translation>encodage</translation>
    </message>
    <message>
        <source>delimiter</source>
        <translation>séparateur</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>header line</source>
        <translation>ligne d&apos;en-têtes</translation>
    </message>
    <message>
        <source>date format</source>
        <translation>format de date</translation>
    </message>
    <message>
        <source>certain</source>
        <translation>sans ambiguïté</translation>
    </message>
    <message>
        <source>likely</source>
        <translation>probable</translation>
    </message>
    <message>
        <source>nothing to tell</source>
        <translation>rien pour en juger</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>Read as detected: %1. Change the reading below, and the date format on the mapping page, if they are wrong.</source>
        <translation>Lu comme détecté&#xa0;: %1. Modifiez la lecture ci-dessous, et le format de date sur la page de correspondance, s&apos;ils sont faux.</translation>
    </message>
    <message>
        <source>The first line is read as data: %1.</source>
        <translation>La première ligne est lue comme des données&#xa0;: %1.</translation>
    </message>
    <message>
        <source>sheet</source>
        <translation>feuille</translation>
    </message>
    <message numerus="yes">
        <source>the first one holding data; %1 empty</source>
        <translation>
            <numerusform>la première qui contient des données&#xa0;; %1 vide</numerusform>
            <numerusform>la première qui contient des données&#xa0;; %1 vides</numerusform>
        </translation>
    </message>
    <message>
        <source>Configuration: %1</source>
        <translation>Configuration&#xa0;: %1</translation>
    </message>
    <message>
        <source>no action yet</source>
        <translation>pas encore d&apos;action</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Fichier&#xa0;: %1</translation>
    </message>
    <message>
        <source>Configuration: %1
File: %2</source>
        <translation>Configuration&#xa0;: %1
Fichier&#xa0;: %2</translation>
    </message>
    <message>
        <source>Reading the first rows of %1…</source>
        <translation>Lecture des premières lignes de %1…</translation>
    </message>
    <message>
        <source>The configuration reads the sheet “%1”, which is not in %2. Choose the sheet to read.</source>
        <translation>La configuration lit la feuille «&#xa0;%1&#xa0;», qui n&apos;est pas dans %2. Choisissez la feuille à lire.</translation>
    </message>
    <message>
        <source>Stop reading the file so; it is read as before again (Escape)</source>
        <translation>Arrêter cette lecture du fichier&#xa0;; il est à nouveau lu comme avant (Échap)</translation>
    </message>
    <message>
        <source>These are its first rows only: the check cannot read the whole file within its memory budget (below), so Next stays unavailable until the budget is raised or the file is split.</source>
        <translation>Ce sont ses premières lignes seulement&#xa0;: la vérification ne peut pas lire tout le fichier dans son budget de mémoire (ci-dessous), aussi Suivant reste indisponible tant que le budget n&apos;est pas augmenté ou le fichier découpé.</translation>
    </message>
</context>
<context>
    <name>OptionsBox</name>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>%1
(default %2):</source>
        <translation>%1
(par défaut %2)&#xa0;:</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1&#xa0;:</translation>
    </message>
    <message>
        <source>%1 (default %2):</source>
        <translation>%1 (par défaut %2)&#xa0;:</translation>
    </message>
    <message>
        <source>%1,
for no field of this action,
default %2:</source>
        <translation>%1,
pour aucun champ de cette action,
par défaut %2&#xa0;:</translation>
    </message>
    <message>
        <source>%1
for %2,
default %3:</source>
        <translation>%1
de %2,
par défaut %3&#xa0;:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <source>Packaging %1</source>
        <translation>Empaquetage de %1</translation>
    </message>
    <message>
        <source>Sending %1</source>
        <translation>Envoi de %1</translation>
    </message>
    <message>
        <source>Send to the platform</source>
        <translation>Envoyer à la plateforme</translation>
    </message>
    <message>
        <source>Package for the platform</source>
        <translation>Paquet pour la plateforme</translation>
    </message>
    <message>
        <source>The package holds the configuration as the platform reads it and one CSV file per import with the rows without errors, as the preview shows them (your corrections included). The teachers&apos; import is Import Assistant&apos;s own and stays out.</source>
        <translation>Le paquet contient la configuration telle que la plateforme la lit et un fichier CSV par import avec les lignes sans erreur, telles que l&apos;aperçu les montre (vos corrections comprises). L&apos;import des formateurs est propre à Import Assistant et reste en dehors.</translation>
    </message>
    <message>
        <source>Choose the folder to write the package in</source>
        <translation>Choisissez le dossier où écrire le paquet</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Dossier&#xa0;:</translation>
    </message>
    <message>
        <source>sftp://user@host/folder</source>
        <translation>sftp://utilisateur@hôte/dossier</translation>
    </message>
    <message>
        <source>Send &amp;to (SFTP):</source>
        <translation>Envoyer à (&amp;SFTP)&#xa0;:</translation>
    </message>
    <message>
        <source>When empty, the keys of your SSH agent or of your .ssh folder are tried</source>
        <translation>S&apos;il est vide, les clés de votre agent SSH ou de votre dossier .ssh sont essayées</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>Fichier de &amp;clé&#xa0;:</translation>
    </message>
    <message>
        <source>C&amp;ancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Package</source>
        <translation>&amp;Empaqueter</translation>
    </message>
    <message>
        <source>Package and &amp;send</source>
        <translation>Empaqueter et en&amp;voyer</translation>
    </message>
    <message>
        <source>Package folder</source>
        <translation>Dossier du paquet</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Clé privée</translation>
    </message>
    <message>
        <source>Give the platform&apos;s SFTP address (sftp://user@host/folder) to send the package to.</source>
        <translation>Indiquez l&apos;adresse SFTP de la plateforme (sftp://utilisateur@hôte/dossier) où envoyer le paquet.</translation>
    </message>
    <message>
        <source>Packaging…</source>
        <translation>Empaquetage…</translation>
    </message>
    <message>
        <source>%1 names a folder of another computer (%2): choose a folder of this one.</source>
        <translation>%1 désigne un dossier d&apos;un autre ordinateur (%2)&#xa0;: choisissez un dossier de celui-ci.</translation>
    </message>
    <message>
        <source>%1 is not a full path: give the folder&apos;s whole path, such as %2, or choose the folder with the Browse button.</source>
        <translation>%1 n&apos;est pas un chemin complet&#xa0;: donnez le chemin entier du dossier, par exemple %2, ou choisissez le dossier avec le bouton Parcourir.</translation>
    </message>
    <message>
        <source>Package written in %1:</source>
        <translation>Paquet écrit dans %1&#xa0;:</translation>
    </message>
    <message>
        <source>%1 (the configuration)</source>
        <translation>%1 (la configuration)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln row(s) from %2</source>
        <translation>
            <numerusform>%1&#xa0;: %Ln ligne de %2</numerusform>
            <numerusform>%1&#xa0;: %Ln lignes de %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) with errors were left out.</source>
        <translation>
            <numerusform>%Ln ligne en erreur a été laissée de côté.</numerusform>
            <numerusform>%Ln lignes en erreur ont été laissées de côté.</numerusform>
        </translation>
    </message>
    <message>
        <source>The package was written in %1; %2 Send it again with Package and send.</source>
        <translation>Le paquet a été écrit dans %1&#xa0;; %2 Envoyez-le à nouveau avec Empaqueter et envoyer.</translation>
    </message>
    <message>
        <source>The server %1 is not in your known hosts. Its %2 key has the fingerprint

%3

Trust it only if it is the one your platform&apos;s administrators gave you.</source>
        <translation>Le serveur %1 n&apos;est pas dans vos hôtes connus. Sa clé %2 a pour empreinte

%3

Ne lui faites confiance que si c&apos;est celle que les administrateurs de votre plateforme vous ont donnée.</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t send</source>
        <translation>&amp;Ne pas envoyer</translation>
    </message>
    <message>
        <source>&amp;Trust this key and send</source>
        <translation>&amp;Faire confiance à cette clé et envoyer</translation>
    </message>
    <message numerus="yes">
        <source>Sent to %1: %Ln file(s).</source>
        <translation>
            <numerusform>Envoyé à %1&#xa0;: %Ln fichier.</numerusform>
            <numerusform>Envoyé à %1&#xa0;: %Ln fichiers.</numerusform>
        </translation>
    </message>
    <message>
        <source>Optional: your usual SSH key, else a password is asked for</source>
        <translation>Facultatif&#xa0;: votre clé SSH habituelle, sinon un mot de passe est demandé</translation>
    </message>
    <message>
        <source>Other rows left out, not listed here: %1.</source>
        <translation>Autres lignes laissées hors du paquet, non listées ici&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Cancelled: what was sent is whole; nothing is half written.</source>
        <translation>Annulé&#xa0;: ce qui a été envoyé est complet&#xa0;; rien n&apos;est écrit à moitié.</translation>
    </message>
    <message>
        <source>Cancelled: the package is in %1; what was sent is whole, nothing is half written.</source>
        <translation>Annulé&#xa0;: le paquet est dans %1&#xa0;; ce qui a été envoyé est complet, rien n&apos;est écrit à moitié.</translation>
    </message>
    <message>
        <source>The package was written in %1; sending it failed: %2 Send it again with Package and send.</source>
        <translation>Le paquet a été écrit dans %1&#xa0;; son envoi a échoué&#xa0;: %2 Envoyez-le à nouveau avec Empaqueter et envoyer.</translation>
    </message>
    <message numerus="yes">
        <source>Replace these files?</source>
        <translation>
            <numerusform>Remplacer ce fichier&#xa0;?</numerusform>
            <numerusform>Remplacer ces fichiers&#xa0;?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 already holds files with the package&apos;s names that no earlier package wrote as they are now (your own, or changed since):

%2

The package would replace them; they cannot be got back. Replace them?</source>
        <translation>
            <numerusform>%1 contient déjà un fichier portant l&apos;un des noms du paquet qu&apos;aucun paquet précédent n&apos;a écrit tel qu&apos;il est maintenant (le vôtre, ou modifié depuis)&#xa0;:

%2

Le paquet le remplacerait&#xa0;; il ne pourrait pas être récupéré. Le remplacer&#xa0;?</numerusform>
            <numerusform>%1 contient déjà des fichiers portant les noms du paquet qu&apos;aucun paquet précédent n&apos;a écrits tels qu&apos;ils sont maintenant (les vôtres, ou modifiés depuis)&#xa0;:

%2

Le paquet les remplacerait&#xa0;; ils ne pourraient pas être récupérés. Les remplacer&#xa0;?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Keep them</source>
        <translation>
            <numerusform>Le &amp;garder</numerusform>
            <numerusform>Les &amp;garder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Replace them</source>
        <translation>
            <numerusform>Le &amp;remplacer</numerusform>
            <numerusform>Les &amp;remplacer</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown host key</source>
        <translation>Clé d&apos;hôte inconnue</translation>
    </message>
    <message>
        <source>The host key was not accepted: nothing was sent.</source>
        <translation>La clé d&apos;hôte n&apos;a pas été acceptée&#xa0;: rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>Host key changed</source>
        <translation>Clé d&apos;hôte changée</translation>
    </message>
    <message>
        <source>The host key of %1 has changed since you last sent to it. Its %2 key now has the fingerprint

%3

instead of

%4

Someone may be posing as the server. Replace the old key only if your platform&apos;s administrators told you it changed: the server&apos;s old key is then removed from %5.</source>
        <translation>La clé d&apos;hôte de %1 a changé depuis votre dernier envoi. Sa clé %2 a maintenant l&apos;empreinte

%3

au lieu de

%4

Quelqu&apos;un se fait peut-être passer pour le serveur. Ne remplacez l&apos;ancienne clé que si les administrateurs de votre plateforme vous ont dit qu&apos;elle a changé&#xa0;: l&apos;ancienne clé du serveur est alors retirée de %5.</translation>
    </message>
    <message>
        <source>&amp;Replace the old key and send</source>
        <translation>&amp;Remplacer l&apos;ancienne clé et envoyer</translation>
    </message>
    <message>
        <source>The changed host key was not accepted: nothing was sent.</source>
        <translation>La clé d&apos;hôte changée n&apos;a pas été acceptée&#xa0;: rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Password of %1 on %2:</source>
        <translation>Mot de passe de %1 sur %2&#xa0;:</translation>
    </message>
    <message>
        <source>No password was given: nothing was sent.</source>
        <translation>Aucun mot de passe n&apos;a été donné&#xa0;: rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>Write the package, then send it to %1</source>
        <translation>Écrire le paquet, puis l&apos;envoyer à %1</translation>
    </message>
    <message>
        <source>Give the platform&apos;s SFTP address in Send to (SFTP) first</source>
        <translation>Indiquez d&apos;abord l&apos;adresse SFTP de la plateforme dans Envoyer à (SFTP)</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>create</source>
        <translation>création</translation>
    </message>
    <message>
        <source>update</source>
        <translation>mise à jour</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangée</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>suppression</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>ERROR: %1</source>
        <translation>Erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>WARNING: %1</source>
        <translation>Avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1
→ %2</source>
        <translation>%1
→ %2</translation>
    </message>
    <message>
        <source>Each file&apos;s column %1:</source>
        <translation>Colonne %1 de chaque fichier&#xa0;:</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1&#xa0;: %2 → %3</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Colonne %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Not a line of the file: a record the store holds that the file lacks</source>
        <translation>Pas une ligne du fichier&#xa0;: un enregistrement de la base que le fichier n&apos;a pas</translation>
    </message>
    <message>
        <source>Corrected; the file has: %1</source>
        <translation>Corrigé&#xa0;; le fichier contient&#xa0;: %1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Field: %1</source>
        <translation>Champ&#xa0;: %1</translation>
    </message>
    <message>
        <source>unregister</source>
        <translation>désinscription</translation>
    </message>
    <message>
        <source>Column in the file: %1</source>
        <translation>Colonne du fichier&#xa0;: %1</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>&amp;Commit</source>
        <translation>&amp;Valider</translation>
    </message>
    <message>
        <source>C&amp;ancel check</source>
        <translation>Annul&amp;er la vérification</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Check a&amp;gain</source>
        <translation>Vérifier à &amp;nouveau</translation>
    </message>
    <message>
        <source>Read the file again and check every row</source>
        <translation>Relire le fichier et vérifier chaque ligne</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>F&amp;ichier&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>Affic&amp;her&#xa0;:</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>Toutes les lignes</translation>
    </message>
    <message>
        <source>Rows with errors</source>
        <translation>Lignes en erreur</translation>
    </message>
    <message>
        <source>Rows with warnings</source>
        <translation>Lignes avec avertissement</translation>
    </message>
    <message>
        <source>Rows that create</source>
        <translation>Lignes qui créent</translation>
    </message>
    <message>
        <source>Rows that update</source>
        <translation>Lignes qui mettent à jour</translation>
    </message>
    <message>
        <source>Rows that delete</source>
        <translation>Lignes qui suppriment</translation>
    </message>
    <message>
        <source>Unchanged rows</source>
        <translation>Lignes inchangées</translation>
    </message>
    <message>
        <source>&amp;Messages (choose one to see its rows):</source>
        <translation>&amp;Messages (choisissez-en un pour voir ses lignes)&#xa0;:</translation>
    </message>
    <message>
        <source>Selected &amp;row:</source>
        <translation>Ligne &amp;sélectionnée&#xa0;:</translation>
    </message>
    <message>
        <source>Export issues as &amp;workbook…</source>
        <translation>Exporter les problèmes en &amp;classeur…</translation>
    </message>
    <message>
        <source>Save a corrected c&amp;opy…</source>
        <translation>Enregistrer une c&amp;opie corrigée…</translation>
    </message>
    <message>
        <source>Find and re&amp;place…</source>
        <translation>Rechercher et &amp;remplacer…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln correction(s) no longer match %1, which changed since they were made: they were dropped, so that none lands on another row. Make them again where they belong:</source>
        <translation>
            <numerusform>%Ln correction ne correspond plus au fichier %1, modifié depuis&#xa0;: elle a été retirée, pour qu&apos;elle ne s&apos;applique pas à une autre ligne. Refaites-la là où elle doit aller&#xa0;:</numerusform>
            <numerusform>%Ln corrections ne correspondent plus au fichier %1, modifié depuis&#xa0;: elles ont été retirées, pour qu&apos;aucune ne s&apos;applique à une autre ligne. Refaites-les là où elles doivent aller&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>• line %1, %2: “%3” → “%4”</source>
        <translation>• ligne %1, %2&#xa0;: «&#xa0;%3&#xa0;» → «&#xa0;%4&#xa0;»</translation>
    </message>
    <message>
        <source>Check cancelled: the rows shown are those of the last check.</source>
        <translation>Vérification annulée&#xa0;: les lignes affichées sont celles de la dernière vérification.</translation>
    </message>
    <message>
        <source>Check cancelled.</source>
        <translation>Vérification annulée.</translation>
    </message>
    <message>
        <source>The check was cancelled: press Check again to see the rows.</source>
        <translation>La vérification a été annulée&#xa0;: cliquez sur Vérifier à nouveau pour voir les lignes.</translation>
    </message>
    <message>
        <source>Check failed.</source>
        <translation>Échec de la vérification.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln with errors)</source>
        <translation>
            <numerusform>%1 (%Ln en erreur)</numerusform>
            <numerusform>%1 (%Ln en erreur)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) have errors and will be skipped: they are not written. Commit the other rows?</source>
        <translation>
            <numerusform>%Ln ligne est en erreur et sera ignorée&#xa0;: elle n&apos;est pas écrite. Valider les autres lignes&#xa0;?</numerusform>
            <numerusform>%Ln lignes sont en erreur et seront ignorées&#xa0;: elles ne sont pas écrites. Valider les autres lignes&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>Corrected: %1, “%2” → “%3”</source>
        <translation>Correction&#xa0;: %1, «&#xa0;%2&#xa0;» → «&#xa0;%3&#xa0;»</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Tous les fichiers</translation>
    </message>
    <message>
        <source>What committing would do to each row. Coloured cells have a problem: hover for the message, double-click or press Enter to correct the value.</source>
        <translation>Ce que la validation ferait de chaque ligne. Les cellules colorées ont un problème&#xa0;: survolez-les pour lire le message, double-cliquez ou appuyez sur Entrée pour corriger la valeur.</translation>
    </message>
    <message>
        <source>E&amp;dit this file&apos;s mapping</source>
        <translation>Mo&amp;difier les colonnes de ce fichier</translation>
    </message>
    <message>
        <source>Go to the mapping of the file chosen in the File box; Next from there comes back here</source>
        <translation>Aller aux colonnes du fichier choisi dans la liste Fichier&#xa0;; Suivant, de là, ramène ici</translation>
    </message>
    <message>
        <source>Save &amp;error log…</source>
        <translation>Enregistrer le &amp;journal d&apos;erreurs…</translation>
    </message>
    <message>
        <source>Replace a value in a column of the rows shown (%1)</source>
        <translation>Remplacer une valeur dans une colonne des lignes affichées (%1)</translation>
    </message>
    <message>
        <source>Checked at %1.</source>
        <translation>Vérifié à %1.</translation>
    </message>
    <message>
        <source>Checked at %1. Nothing to commit: every row is unchanged or has errors.</source>
        <translation>Vérifié à %1. Rien à valider&#xa0;: chaque ligne est inchangée ou en erreur.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln row(s)&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln ligne&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%Ln lignes&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <comment>the preview&apos;s counts as a screen reader says them</comment>
        <translation>%1&#xa0;: %2.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln ligne</numerusform>
            <numerusform>%Ln lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to create</source>
        <translation>
            <numerusform>%Ln à créer</numerusform>
            <numerusform>%Ln à créer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to update</source>
        <translation>
            <numerusform>%Ln à mettre à jour</numerusform>
            <numerusform>%Ln à mettre à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unchanged</source>
        <translation>
            <numerusform>%Ln inchangée</numerusform>
            <numerusform>%Ln inchangées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to unregister</source>
        <translation>
            <numerusform>%Ln à désinscrire</numerusform>
            <numerusform>%Ln à désinscrire</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to delete</source>
        <translation>
            <numerusform>%Ln à supprimer</numerusform>
            <numerusform>%Ln à supprimer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln with errors</source>
        <translation>
            <numerusform>%Ln en erreur</numerusform>
            <numerusform>%Ln en erreur</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the dates are not in the date format %2; they read as %3. Select a row with a date error to use %3 in one click.</source>
        <translation>%1&#xa0;: les dates ne sont pas au format %2&#xa0;; elles se lisent comme %3. Sélectionnez une ligne avec une erreur de date pour utiliser %3 en un clic.</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Valider</translation>
    </message>
    <message>
        <source>&amp;Commit the other rows</source>
        <translation>&amp;Valider les autres lignes</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Every row (no message chosen)</source>
        <translation>Toutes les lignes (aucun message choisi)</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Select a row to read its messages here.</source>
        <translation>Sélectionnez une ligne pour lire ici ses messages.</translation>
    </message>
    <message>
        <source>Line %1 of %2: %3</source>
        <translation>Ligne %1 du fichier %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1 (not mapped)</source>
        <translation>%1 (non associée)</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>colonne %1</translation>
    </message>
    <message>
        <source>The dates of %1 read as %2, not as the date format says.</source>
        <translation>Les dates de %1 se lisent comme %2, et non comme le dit le format de date.</translation>
    </message>
    <message>
        <source>U&amp;se %1</source>
        <translation>&amp;Utiliser %1</translation>
    </message>
    <message>
        <source>Read every date of %1 as %2 and check again</source>
        <translation>Lire toutes les dates de %1 comme %2 et vérifier à nouveau</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>Vouliez-vous dire %1&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Use it in %Ln row(s)</source>
        <translation>
            <numerusform>L&apos;&amp;utiliser dans %Ln ligne</numerusform>
            <numerusform>L&apos;&amp;utiliser dans %Ln lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace %1 with %2 in %3 wherever it is</source>
        <translation>Remplacer %1 par %2 dans %3 partout où il se trouve</translation>
    </message>
    <message>
        <source>Correcting and checking the rows…</source>
        <translation>Correction et vérification des lignes…</translation>
    </message>
    <message>
        <source>C&amp;ancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Cancelled: no cell was changed.</source>
        <translation>Annulé&#xa0;: aucune cellule n&apos;a été modifiée.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln cell(s) corrected.</source>
        <translation>
            <numerusform>%Ln cellule corrigée.</numerusform>
            <numerusform>%Ln cellules corrigées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export issues as workbook</source>
        <translation>Exporter les problèmes en classeur</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx)</source>
        <translation>Classeurs (*.xlsx)</translation>
    </message>
    <message>
        <source>Save error log</source>
        <translation>Enregistrer le journal d&apos;erreurs</translation>
    </message>
    <message>
        <source>Logs (*.log *.txt)</source>
        <translation>Journaux (*.log *.txt)</translation>
    </message>
    <message>
        <source>Save a corrected copy</source>
        <translation>Enregistrer une copie corrigée</translation>
    </message>
    <message>
        <source>Files like %1 (*%2)</source>
        <translation>Fichiers comme %1 (*%2)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 enregistré.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was saved.</source>
        <translation>Annulé&#xa0;: rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>Available when a row has an error or a warning: none has one for now.</source>
        <translation>Disponible quand une ligne a une erreur ou un avertissement&#xa0;: aucune n&apos;en a pour l&apos;instant.</translation>
    </message>
    <message>
        <source>The data file with your corrections, in its own format, encoding and delimiter.</source>
        <translation>Le fichier de données avec vos corrections, dans son format, son encodage et son séparateur.</translation>
    </message>
    <message>
        <source>Available after a correction: double-click a cell, or use Find and replace.</source>
        <translation>Disponible après une correction&#xa0;: double-cliquez sur une cellule, ou utilisez Rechercher et remplacer.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ProgressRow</name>
    <message>
        <source>Waiting for another program to finish making the store %1…</source>
        <translation>En attente d&apos;un autre programme, qui crée la base %1…</translation>
    </message>
    <message>
        <source>Checking %1</source>
        <translation>Vérification du fichier %1</translation>
    </message>
    <message>
        <source>Writing to the store</source>
        <translation>Écriture dans la base</translation>
    </message>
    <message>
        <source>Comparing the records of run %1 with the store</source>
        <translation>Comparaison des enregistrements de l&apos;exécution %1 avec la base</translation>
    </message>
    <message>
        <source>Saving %1</source>
        <translation>Enregistrement de %1</translation>
    </message>
    <message>
        <source>Waiting for %1 on %2 to finish writing to the store (since %3)…</source>
        <translation>En attente de %1 sur %2, qui écrit dans la base depuis %3…</translation>
    </message>
    <message>
        <source>Waiting for %1 to finish writing to the store (since %2)…</source>
        <translation>En attente de %1, qui écrit dans la base depuis %2…</translation>
    </message>
    <message>
        <source>Waiting for another program to finish writing to the store…</source>
        <translation>En attente d&apos;un autre programme, qui écrit dans la base…</translation>
    </message>
</context>
<context>
    <name>RecordTab</name>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Rechercher&#xa0;:</translation>
    </message>
    <message>
        <source>Part of a text, a linked record&apos;s name or a date, as shown</source>
        <translation>Un extrait d&apos;un texte, du nom d&apos;un enregistrement lié ou d&apos;une date, tel qu&apos;affiché</translation>
    </message>
    <message>
        <source>Searches: %1</source>
        <translation>Cherche dans&#xa0;: %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln enregistrement</numerusform>
            <numerusform>%Ln enregistrements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RefreshDialog</name>
    <message>
        <source>Refresh from the platform&apos;s exports</source>
        <translation>Actualiser depuis les exports de la plateforme</translation>
    </message>
    <message>
        <source>Choose the export configuration scheduled on the platform and the files it produced: what they hold is created or updated in the store. Nothing is written until you press Refresh, and the refresh can be reverted from the history.</source>
        <translation>Choisissez la configuration d&apos;export planifiée sur la plateforme et les fichiers qu&apos;elle a produits&#xa0;: ce qu&apos;ils contiennent est créé ou mis à jour dans la base. Rien n&apos;est écrit avant que vous appuyiez sur Actualiser, et l&apos;actualisation peut être défaite depuis l&apos;historique.</translation>
    </message>
    <message>
        <source>C&amp;ancel</source>
        <translation>A&amp;nnuler</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Export &amp;configuration:</source>
        <translation>&amp;Configuration d&apos;export&#xa0;:</translation>
    </message>
    <message>
        <source>What the refresh changes</source>
        <translation>Ce que l&apos;actualisation modifie</translation>
    </message>
    <message>
        <source>Choose the &amp;files…</source>
        <translation>Choisir les &amp;fichiers…</translation>
    </message>
    <message>
        <source>Exported files:</source>
        <translation>Fichiers exportés&#xa0;:</translation>
    </message>
    <message>
        <source>Also &amp;delete what the store holds and the exports lack</source>
        <translation>&amp;Supprimer aussi ce que la base contient et que les exports n&apos;ont pas</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>Ap&amp;erçu</translation>
    </message>
    <message>
        <source>E&amp;xport:</source>
        <translation>E&amp;xport&#xa0;:</translation>
    </message>
    <message>
        <source>Export configuration</source>
        <translation>Configuration d&apos;export</translation>
    </message>
    <message>
        <source>Export configurations (*.xml)</source>
        <translation>Configurations d&apos;export (*.xml)</translation>
    </message>
    <message>
        <source>Exported files</source>
        <translation>Fichiers exportés</translation>
    </message>
    <message>
        <source>Exported files (*.csv *.tsv *.txt)</source>
        <translation>Fichiers exportés (*.csv *.tsv *.txt)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s), each read for the export whose columns its first line names</source>
        <translation>
            <numerusform>%Ln fichier, lu pour l&apos;export dont sa première ligne nomme les colonnes</numerusform>
            <numerusform>%Ln fichiers, chacun lu pour l&apos;export dont sa première ligne nomme les colonnes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read from beside the configuration (%Ln export(s) no file chosen holds): %1</source>
        <translation>
            <numerusform>Lu à côté de la configuration (%Ln export qu&apos;aucun fichier choisi ne contient)&#xa0;: %1</numerusform>
            <numerusform>Lus à côté de la configuration (%Ln exports qu&apos;aucun fichier choisi ne contient)&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the exports…</source>
        <translation>Lecture des exports…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Over every export: %1 to create, %2 to update, %3 to delete.</source>
        <translation>Sur l&apos;ensemble des exports&#xa0;: %1 à créer, %2 à mettre à jour, %3 à supprimer.</translation>
    </message>
    <message>
        <source>Refreshed as run %1: %2, %3, %4; it can be reverted from the history.</source>
        <translation>Actualisé par l&apos;exécution %1&#xa0;: %2, %3, %4&#xa0;; elle peut être défaite depuis l&apos;historique.</translation>
    </message>
    <message numerus="yes">
        <source>%1 created</source>
        <translation>
            <numerusform>%1 créé</numerusform>
            <numerusform>%1 créés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 updated</source>
        <translation>
            <numerusform>%1 mis à jour</numerusform>
            <numerusform>%1 mis à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 deleted</source>
        <translation>
            <numerusform>%1 supprimé</numerusform>
            <numerusform>%1 supprimés</numerusform>
        </translation>
    </message>
    <message>
        <source>The refresh had ended before it could be stopped: run %1 is in the store.</source>
        <translation>L&apos;actualisation s&apos;était terminée avant de pouvoir être arrêtée&#xa0;: l&apos;exécution %1 est dans la base.</translation>
    </message>
    <message>
        <source>The store already holds what the exports hold.</source>
        <translation>La base contient déjà ce que contiennent les exports.</translation>
    </message>
    <message>
        <source>The export configuration scheduled on the platform (.xml)</source>
        <translation>La configuration d&apos;export planifiée sur la plateforme (.xml)</translation>
    </message>
    <message>
        <source>those the export configuration names, in its folder</source>
        <translation>ceux que nomme la configuration d&apos;export, dans son dossier</translation>
    </message>
    <message>
        <source>The platform&apos;s export %1</source>
        <translation>Export de la plateforme %1</translation>
    </message>
    <message>
        <source>The export configuration was changed since the preview: press Enter or Preview to see what it refreshes.</source>
        <translation>La configuration d&apos;export a changé depuis l&apos;aperçu&#xa0;: appuyez sur Entrée ou sur Aperçu pour voir ce qu&apos;elle actualise.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Nothing was written: the store keeps what its last refresh and the imports since wrote.</source>
        <translation>Rien n&apos;a été écrit&#xa0;: la base garde ce que sa dernière actualisation et les imports depuis ont écrit.</translation>
    </message>
    <message>
        <source>Writing to the store…</source>
        <translation>Écriture dans la base…</translation>
    </message>
    <message>
        <source>A refresh is running</source>
        <translation>Une actualisation est en cours</translation>
    </message>
    <message>
        <source>The refresh is being written to the store. Stop it? Nothing will be written.</source>
        <translation>L&apos;actualisation est en train d&apos;être écrite dans la base. L&apos;arrêter&#xa0;? Rien ne sera écrit.</translation>
    </message>
    <message>
        <source>&amp;Stop the refresh</source>
        <translation>&amp;Arrêter l&apos;actualisation</translation>
    </message>
    <message>
        <source>&amp;Go on refreshing</source>
        <translation>&amp;Continuer l&apos;actualisation</translation>
    </message>
    <message>
        <source>Refresh from an older export?</source>
        <translation>Actualiser depuis un export plus ancien&#xa0;?</translation>
    </message>
    <message>
        <source>%1

Refresh from it all the same?</source>
        <translation>%1

Actualiser depuis celui-ci quand même&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Keep the store as it is</source>
        <translation>&amp;Garder la base telle quelle</translation>
    </message>
    <message>
        <source>Refresh a&amp;ll the same</source>
        <translation>Actualiser &amp;quand même</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Annulé&#xa0;: rien n&apos;a été écrit.</translation>
    </message>
</context>
<context>
    <name>RevertDialog</name>
    <message>
        <source>Revert run %1</source>
        <translation>Défaire l&apos;exécution %1</translation>
    </message>
    <message>
        <source>Reverting run %1 deletes what it created, restores what it changed and recreates what it deleted. Nothing is written until you press Revert.</source>
        <translation>Défaire l&apos;exécution %1 supprime ce qu&apos;elle a créé, rétablit ce qu&apos;elle a modifié et recrée ce qu&apos;elle a supprimé. Rien n&apos;est écrit avant que vous cliquiez sur Défaire.</translation>
    </message>
    <message>
        <source>What the revert changes</source>
        <translation>Aperçu de ce qui serait défait</translation>
    </message>
    <message>
        <source>C&amp;ancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Défaire</translation>
    </message>
    <message>
        <source>&amp;Plan again</source>
        <translation>&amp;Refaire l&apos;aperçu</translation>
    </message>
    <message>
        <source>&amp;Table:</source>
        <translation>&amp;Table&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Skip the conflicting records and revert the others</source>
        <translation>&amp;Ignorer les enregistrements en conflit et défaire les autres</translation>
    </message>
    <message>
        <source>Comparing the run&apos;s records with the store…</source>
        <translation>Comparaison des enregistrements de l&apos;exécution avec la base…</translation>
    </message>
    <message>
        <source>Every record of run %1 is already as it was before the run: there is nothing to revert.</source>
        <translation>Chaque enregistrement de l&apos;exécution %1 est déjà tel qu&apos;il était avant elle&#xa0;: il n&apos;y a rien à défaire.</translation>
    </message>
    <message numerus="yes">
        <source>Every record of run %1 left to revert is a conflict: nothing can be reverted without reverting later run(s) %2 first.</source>
        <translation>
            <numerusform>Chaque enregistrement de l&apos;exécution %1 qui reste à défaire est en conflit&#xa0;: rien ne peut être défait sans défaire d&apos;abord l&apos;exécution suivante %2.</numerusform>
            <numerusform>Chaque enregistrement de l&apos;exécution %1 qui reste à défaire est en conflit&#xa0;: rien ne peut être défait sans défaire d&apos;abord les exécutions suivantes %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every record of run %1 left to revert is a conflict: nothing can be reverted.</source>
        <translation>Chaque enregistrement de l&apos;exécution %1 qui reste à défaire est en conflit&#xa0;: rien ne peut être défait.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln record(s)</source>
        <translation>
            <numerusform>%1&#xa0;: %Ln enregistrement</numerusform>
            <numerusform>%1&#xa0;: %Ln enregistrements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln conflict(s)</source>
        <translation>
            <numerusform>, %Ln conflit</numerusform>
            <numerusform>, %Ln conflits</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflicting record(s) cannot be reverted (changed since run %1, or still needed by other records).</source>
        <translation>
            <numerusform>%Ln enregistrement en conflit ne peut pas être défait (modifié depuis l&apos;exécution %1, ou encore utilisé par d&apos;autres enregistrements).</numerusform>
            <numerusform>%Ln enregistrements en conflit ne peuvent pas être défaits (modifiés depuis l&apos;exécution %1, ou encore utilisés par d&apos;autres enregistrements).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflicting record(s) will be skipped (changed since run %1, or still needed by other records); the others will be reverted.</source>
        <translation>
            <numerusform>%Ln enregistrement en conflit sera ignoré (modifié depuis l&apos;exécution %1, ou encore utilisé par d&apos;autres enregistrements)&#xa0;; les autres seront rétablis.</numerusform>
            <numerusform>%Ln enregistrements en conflit seront ignorés (modifiés depuis l&apos;exécution %1, ou encore utilisés par d&apos;autres enregistrements)&#xa0;; les autres seront rétablis.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Later run(s) %1 changed records of run %2 again, or records linked to them: revert them first (newest first) to revert those records as well.</source>
        <translation>
            <numerusform>L&apos;exécution suivante %1 a modifié à nouveau des enregistrements de l&apos;exécution %2, ou des enregistrements liés à eux&#xa0;: défaites-la d&apos;abord pour rétablir aussi ces enregistrements.</numerusform>
            <numerusform>Les exécutions suivantes %1 ont modifié à nouveau des enregistrements de l&apos;exécution %2, ou des enregistrements liés à eux&#xa0;: défaites-les d&apos;abord (la plus récente en premier) pour rétablir aussi ces enregistrements.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revert &amp;later run(s) %1 first (newest first), then run %2</source>
        <translation>
            <numerusform>Défaire d&apos;abord l&apos;exécution &amp;suivante %1, puis l&apos;exécution %2</numerusform>
            <numerusform>Défaire d&apos;abord les exécutions &amp;suivantes %1 (la plus récente en premier), puis l&apos;exécution %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Reverting…</source>
        <translation>En train de défaire l&apos;exécution…</translation>
    </message>
    <message numerus="yes">
        <source>Later run(s) %1, then run %2, are being reverted in the store, each in a revert of its own. Stop the revert? The runs already reverted stay reverted; nothing more will be written.</source>
        <translation>
            <numerusform>L&apos;exécution suivante %1, puis l&apos;exécution %2, sont en train d&apos;être défaites dans la base, chacune par une exécution à part. Arrêter de défaire&#xa0;? Les exécutions déjà défaites le restent&#xa0;; rien de plus ne sera écrit.</numerusform>
            <numerusform>Les exécutions suivantes %1, puis l&apos;exécution %2, sont en train d&apos;être défaites dans la base, chacune par une exécution à part. Arrêter de défaire&#xa0;? Les exécutions déjà défaites le restent&#xa0;; rien de plus ne sera écrit.</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1 is being reverted in the store. Stop the revert? Nothing will be written.</source>
        <translation>L&apos;exécution %1 est en train d&apos;être défaite dans la base. Arrêter de la défaire&#xa0;? Rien ne sera écrit.</translation>
    </message>
    <message>
        <source>A revert is running</source>
        <translation>Une exécution est en train d&apos;être défaite</translation>
    </message>
    <message>
        <source>&amp;Stop the revert</source>
        <translation>&amp;Arrêter de défaire</translation>
    </message>
    <message>
        <source>&amp;Go on reverting</source>
        <translation>&amp;Continuer à défaire</translation>
    </message>
    <message>
        <source>Before the error below: %1; run %2 was not.</source>
        <translation>Avant l&apos;erreur ci-dessous&#xa0;: %1&#xa0;; l&apos;exécution %2 ne l&apos;a pas été.</translation>
    </message>
    <message>
        <source>Nothing was written: run %1 is reverted now, by run %2.</source>
        <translation>Rien n&apos;a été écrit&#xa0;: l&apos;exécution %1 a entre-temps été défaite par l&apos;exécution %2.</translation>
    </message>
    <message>
        <source>Stopped: %1; run %2 was not. Plan again to preview the revert of run %2 on the store as it now is.</source>
        <translation>Arrêté&#xa0;: %1&#xa0;; l&apos;exécution %2 ne l&apos;a pas été. Cliquez sur Refaire l&apos;aperçu pour voir ce qui serait défait de l&apos;exécution %2 dans la base telle qu&apos;elle est maintenant.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written. Plan again to preview the revert of run %1 on the store as it now is.</source>
        <translation>Annulé&#xa0;: rien n&apos;a été écrit. Cliquez sur Refaire l&apos;aperçu pour voir ce qui serait défait de l&apos;exécution %1 dans la base telle qu&apos;elle est maintenant.</translation>
    </message>
    <message>
        <source>Before the error below: %1; run %2 was not. Plan again to preview the revert of run %2 on the store as it now is.</source>
        <translation>Avant l&apos;erreur ci-dessous&#xa0;: %1&#xa0;; l&apos;exécution %2 ne l&apos;a pas été. Cliquez sur Refaire l&apos;aperçu pour voir ce qui serait défait de l&apos;exécution %2 dans la base telle qu&apos;elle est maintenant.</translation>
    </message>
    <message>
        <source>Nothing was written. Plan again to preview the revert of run %1 on the store as it now is.</source>
        <translation>Rien n&apos;a été écrit. Cliquez sur Refaire l&apos;aperçu pour voir ce qui serait défait de l&apos;exécution %1 dans la base telle qu&apos;elle est maintenant.</translation>
    </message>
    <message>
        <source>Nothing was written: the store changed since this preview was made. Plan again to preview the revert on the store as it now is.</source>
        <translation>Rien n&apos;a été écrit&#xa0;: la base a changé depuis cet aperçu. Cliquez sur Refaire l&apos;aperçu pour voir ce qui serait défait dans la base telle qu&apos;elle est maintenant.</translation>
    </message>
    <message>
        <source>Run %1 was reverted meanwhile, by run %2: it was not reverted again.</source>
        <translation>L&apos;exécution %1 a été défaite entre-temps par l&apos;exécution %2&#xa0;: elle n&apos;a pas été défaite à nouveau.</translation>
    </message>
    <message>
        <source>Run %1 had nothing left to revert: every record of it was already as it was before run %1.</source>
        <translation>L&apos;exécution %1 n&apos;avait plus rien à défaire&#xa0;: chacun de ses enregistrements était déjà tel qu&apos;il était avant l&apos;exécution %1.</translation>
    </message>
    <message numerus="yes">
        <source>Run %1 was not reverted first: its %Ln conflicting record(s) changed since run %1, or are still needed by other records.</source>
        <translation>
            <numerusform>L&apos;exécution %1 n&apos;a pas été défaite d&apos;abord&#xa0;: %Ln enregistrement en conflit, modifié depuis l&apos;exécution %1 ou encore utilisé par d&apos;autres enregistrements.</numerusform>
            <numerusform>L&apos;exécution %1 n&apos;a pas été défaite d&apos;abord&#xa0;: %Ln enregistrements en conflit, modifiés depuis l&apos;exécution %1 ou encore utilisés par d&apos;autres enregistrements.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) skipped as conflicts.</source>
        <translation>
            <numerusform>%Ln enregistrement ignoré car en conflit.</numerusform>
            <numerusform>%Ln enregistrements ignorés car en conflit.</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1 can be reverted again for what was skipped.</source>
        <translation>L&apos;exécution %1 pourra être défaite à nouveau pour ce qui a été ignoré.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Annulé&#xa0;: rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>run %1 was reverted (run %2)</source>
        <translation>l&apos;exécution %1 a été défaite (exécution %2)</translation>
    </message>
    <message>
        <source>Stopped: %1; run %2 was not.</source>
        <translation>Arrêté&#xa0;: %1&#xa0;; l&apos;exécution %2 ne l&apos;a pas été.</translation>
    </message>
    <message>
        <source>Run %1 changed no record: there is nothing to revert.</source>
        <translation>L&apos;exécution %1 n&apos;a modifié aucun enregistrement&#xa0;: il n&apos;y a rien à défaire.</translation>
    </message>
    <message>
        <source>Run %1 has nothing left to revert: every record of it is already as it was before run %1; the records of run %2 it changed again, or that are linked to records it changed, will stay skipped.</source>
        <translation>L&apos;exécution %1 n&apos;a plus rien à défaire&#xa0;: chacun de ses enregistrements est déjà tel qu&apos;il était avant l&apos;exécution %1&#xa0;; les enregistrements de l&apos;exécution %2 qu&apos;elle a modifiés à nouveau, ou liés à des enregistrements qu&apos;elle a modifiés, resteront ignorés.</translation>
    </message>
    <message numerus="yes">
        <source>Run %1 cannot be reverted first: its %Ln conflicting record(s) changed since run %1, or are still needed by other records; the records of run %2 it changed again, or that are linked to records it changed, will stay skipped.</source>
        <translation>
            <numerusform>L&apos;exécution %1 ne peut pas être défaite d&apos;abord&#xa0;: %Ln enregistrement en conflit, modifié depuis l&apos;exécution %1 ou encore utilisé par d&apos;autres enregistrements&#xa0;; les enregistrements de l&apos;exécution %2 qu&apos;elle a modifiés à nouveau, ou liés à des enregistrements qu&apos;elle a modifiés, resteront ignorés.</numerusform>
            <numerusform>L&apos;exécution %1 ne peut pas être défaite d&apos;abord&#xa0;: %Ln enregistrements en conflit, modifiés depuis l&apos;exécution %1 ou encore utilisés par d&apos;autres enregistrements&#xa0;; les enregistrements de l&apos;exécution %2 qu&apos;elle a modifiés à nouveau, ou liés à des enregistrements qu&apos;elle a modifiés, resteront ignorés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1 reverted run %2: %3, %4, %5.</source>
        <translation>L&apos;exécution %1 a défait l&apos;exécution %2&#xa0;: %3, %4, %5.</translation>
    </message>
    <message>
        <source>The revert had ended before it could be stopped: run %1 was reverted by run %2.</source>
        <translation>L&apos;exécution %1 avait déjà été défaite, par l&apos;exécution %2, avant de pouvoir être arrêtée.</translation>
    </message>
</context>
<context>
    <name>RevertModel</name>
    <message>
        <source>recreate</source>
        <translation>recréation</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>rétablissement</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>suppression</translation>
    </message>
    <message>
        <source>conflict (skipped)</source>
        <translation>conflit (ignoré)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Store column: %1</source>
        <translation>Colonne de la base&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>RunCounts</name>
    <message numerus="yes">
        <source>%1 unregistered</source>
        <translation>
            <numerusform>%1 désinscrit</numerusform>
            <numerusform>%1 désinscrits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 created</source>
        <translation>
            <numerusform>%1 créé</numerusform>
            <numerusform>%1 créés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 updated</source>
        <translation>
            <numerusform>%1 mis à jour</numerusform>
            <numerusform>%1 mis à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 unchanged</source>
        <translation>
            <numerusform>%1 inchangé</numerusform>
            <numerusform>%1 inchangés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 deleted</source>
        <translation>
            <numerusform>%1 supprimé</numerusform>
            <numerusform>%1 supprimés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 error(s)</source>
        <translation>
            <numerusform>%1 erreur</numerusform>
            <numerusform>%1 erreurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 restored</source>
        <translation>
            <numerusform>%1 rétabli</numerusform>
            <numerusform>%1 rétablis</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 recreated</source>
        <translation>
            <numerusform>%1 recréé</numerusform>
            <numerusform>%1 recréés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 skipped</source>
        <translation>
            <numerusform>%1 ignoré</numerusform>
            <numerusform>%1 ignorés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SavingCopies</name>
    <message numerus="yes">
        <source>Saving the corrected copy(ies)</source>
        <translation>
            <numerusform>Enregistrement de la copie corrigée</numerusform>
            <numerusform>Enregistrement des copies corrigées</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message numerus="yes">
        <source>Saving the corrected copy(ies)…</source>
        <translation>
            <numerusform>Enregistrement de la copie corrigée…</numerusform>
            <numerusform>Enregistrement des copies corrigées…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SortingShown</name>
    <message>
        <source>Sorting the rows…</source>
        <translation>Tri des lignes…</translation>
    </message>
</context>
<context>
    <name>StoreBrowser</name>
    <message>
        <source>&amp;Learners and tracking</source>
        <translation>&amp;Apprenants et suivi</translation>
    </message>
    <message>
        <source>History of the runs: imports, refreshes, reverts</source>
        <translation>Historique des exécutions&#xa0;: imports, actualisations et exécutions qui en défont une autre</translation>
    </message>
    <message>
        <source>Opening the store %1…</source>
        <translation>Ouverture de la base %1…</translation>
    </message>
    <message>
        <source>%1 Refresh (F5) tries again.</source>
        <translation>%1 Relire (F5) essaie à nouveau.</translation>
    </message>
    <message>
        <source>Store browser — %1</source>
        <translation>Explorateur de la base — %1</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>Close the browser (Esc); %1 goes back to the window and leaves it open, and from the window brings it back</source>
        <translation>Fermer l&apos;explorateur (Échap)&#xa0;; %1 revient à la fenêtre en le laissant ouvert, et depuis la fenêtre le ramène</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Re&amp;lire</translation>
    </message>
    <message>
        <source>Read the store again, with what was written since (F5)</source>
        <translation>Relire la base, avec ce qui y a été écrit depuis (F5)</translation>
    </message>
    <message>
        <source>Lear&amp;ners</source>
        <translation>Appre&amp;nants</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Entités</translation>
    </message>
    <message>
        <source>Registr&amp;ations</source>
        <translation>Ins&amp;criptions</translation>
    </message>
    <message>
        <source>Trac&amp;king</source>
        <translation>Sui&amp;vi</translation>
    </message>
    <message>
        <source>Learning o&amp;bjects</source>
        <translation>O&amp;bjets pédagogiques</translation>
    </message>
    <message>
        <source>&amp;Teachers</source>
        <translation>F&amp;ormateurs</translation>
    </message>
    <message>
        <source>T&amp;raining courses</source>
        <translation>Forma&amp;tions</translation>
    </message>
    <message>
        <source>S&amp;essions</source>
        <translation>&amp;Sessions</translation>
    </message>
    <message>
        <source>&amp;Interventions</source>
        <translation>&amp;Interventions</translation>
    </message>
    <message>
        <source>R&amp;ooms</source>
        <translation>Sall&amp;es</translation>
    </message>
    <message>
        <source>Re&amp;vert…</source>
        <translation>&amp;Défaire…</translation>
    </message>
    <message>
        <source>No run is selected: select the run to revert.</source>
        <translation>Aucune exécution n&apos;est sélectionnée&#xa0;: sélectionnez l&apos;exécution à défaire.</translation>
    </message>
    <message>
        <source>Preview undoing the selected run, then undo it</source>
        <translation>Voir l&apos;aperçu de ce qui serait défait de l&apos;exécution choisie, puis la défaire</translation>
    </message>
    <message numerus="yes">
        <source>Run %1: %Ln file(s) read:</source>
        <translation>
            <numerusform>Exécution %1&#xa0;: %Ln fichier lu&#xa0;:</numerusform>
            <numerusform>Exécution %1&#xa0;: %Ln fichiers lus&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a run to see the cells corrected in the preview before it was committed.</source>
        <translation>Sélectionnez une exécution pour voir les cellules corrigées dans l&apos;aperçu avant sa validation.</translation>
    </message>
    <message>
        <source>Run %1: reading the cells corrected in the preview…</source>
        <translation>Exécution %1&#xa0;: lecture des cellules corrigées dans l&apos;aperçu…</translation>
    </message>
    <message numerus="yes">
        <source>Run %1: %Ln cell(s) corrected in the preview before the commit:</source>
        <translation>
            <numerusform>Exécution %1&#xa0;: %Ln cellule corrigée dans l&apos;aperçu avant la validation&#xa0;:</numerusform>
            <numerusform>Exécution %1&#xa0;: %Ln cellules corrigées dans l&apos;aperçu avant la validation&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1: no cell was corrected in the preview.</source>
        <translation>Exécution %1&#xa0;: aucune cellule n&apos;a été corrigée dans l&apos;aperçu.</translation>
    </message>
    <message>
        <source>Run %1 was reverted by run %2; revert run %2 to redo it.</source>
        <translation>L&apos;exécution %1 a été défaite par l&apos;exécution %2&#xa0;; défaites l&apos;exécution %2 pour la refaire.</translation>
    </message>
    <message>
        <source>Run %1, made since the store was last read, is shown. Read at %2.</source>
        <translation>L&apos;exécution %1, effectuée depuis la dernière lecture de la base, est affichée. Base lue à %2.</translation>
    </message>
    <message>
        <source>%1 runs made since the store was last read are shown, the newest run %2. Read at %3.</source>
        <translation>Les %1 exécutions effectuées depuis la dernière lecture de la base sont affichées&#xa0;; la plus récente est l&apos;exécution %2. Base lue à %3.</translation>
    </message>
    <message>
        <source>No run was made since the store was last read: it is as shown. Read at %1.</source>
        <translation>Aucune exécution n&apos;a été effectuée depuis la dernière lecture de la base&#xa0;: elle est telle qu&apos;affichée. Base lue à %1.</translation>
    </message>
    <message>
        <source>This browser shows the store %1; the window works on %2 now (Tools ▸ Store browser… shows that one).</source>
        <translation>Cet explorateur montre la base %1&#xa0;; la fenêtre travaille maintenant sur %2 (Outils ▸ Explorateur de la base… montre celle-ci).</translation>
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <source>Open store</source>
        <translation>Ouvrir une base</translation>
    </message>
    <message>
        <source>A &amp;file on this computer (SQLite)</source>
        <translation>Un &amp;fichier sur cet ordinateur (SQLite)</translation>
    </message>
    <message>
        <source>A &amp;team&apos;s PostgreSQL database</source>
        <translation>La base PostgreSQL de l&apos;é&amp;quipe</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>One database for the team, one URL for each administrator. A password is asked for when the server wants one (or read from ~/.pgpass), and never saved.</source>
        <translation>Une base pour l&apos;équipe, une URL par administrateur. Un mot de passe est demandé quand le serveur en veut un (ou lu dans ~/.pgpass), et n&apos;est jamais enregistré.</translation>
    </message>
    <message>
        <source>Store file</source>
        <translation>Fichier de la base</translation>
    </message>
    <message>
        <source>PostgreSQL URL</source>
        <translation>URL PostgreSQL</translation>
    </message>
    <message>
        <source>Import Assistant stores (*.sqlite3 *.db);;All files (*)</source>
        <translation>Bases d&apos;Import Assistant (*.sqlite3 *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>postgresql://user@host/database</source>
        <translation>postgresql://utilisateur@hôte/base</translation>
    </message>
    <message>
        <source>%1 is not a PostgreSQL URL (%2).</source>
        <translation>%1 n&apos;est pas une URL PostgreSQL (%2).</translation>
    </message>
    <message>
        <source>%1: no user of this machine has the home folder it names.</source>
        <translation>%1&#xa0;: aucun utilisateur de cette machine n&apos;a le dossier personnel qu&apos;il désigne.</translation>
    </message>
    <message>
        <source>%1 is not a full path: give the store&apos;s whole path, or choose it with the Browse button.</source>
        <translation>%1 n&apos;est pas un chemin complet&#xa0;: donnez le chemin entier de la base, ou choisissez-le avec le bouton Parcourir.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Mot de passe pour %1&#xa0;:</translation>
    </message>
    <message>
        <source>Import Assistant</source>
        <translation>Import Assistant</translation>
    </message>
</context>
<context>
    <name>StoreModel</name>
    <message>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <source>refresh</source>
        <translation>actualisation</translation>
    </message>
    <message>
        <source>revert</source>
        <translation>défaire</translation>
    </message>
</context>
<context>
    <name>TableCopy</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Something unexpected went wrong (%1); nothing was written. Details are in the application log (%2).</source>
        <translation>Une erreur inattendue s&apos;est produite (%1)&#xa0;; rien n&apos;a été écrit. Les détails sont dans le journal de l&apos;application (%2).</translation>
    </message>
</context>
<context>
    <name>Wizard</name>
    <message>
        <source>Import Assistant</source>
        <translation>Import Assistant</translation>
    </message>
    <message>
        <source>F&amp;inish</source>
        <translation>&amp;Terminer</translation>
    </message>
    <message>
        <source>&amp;Commit</source>
        <translation>&amp;Valider</translation>
    </message>
    <message>
        <source>Start a new import?</source>
        <translation>Commencer un nouvel import&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>Discard them and start &amp;anew</source>
        <translation>
            <numerusform>L&apos;abandonner et &amp;recommencer</numerusform>
            <numerusform>Les abandonner et &amp;recommencer</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit Import Assistant?</source>
        <translation>Quitter Import Assistant&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>Discard them and &amp;quit</source>
        <translation>
            <numerusform>L&apos;abandonner et &amp;quitter</numerusform>
            <numerusform>Les abandonner et &amp;quitter</numerusform>
        </translation>
    </message>
    <message>
        <source>Open another file?</source>
        <translation>Ouvrir un autre fichier&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln correction(s) of the preview are not saved yet (in a corrected copy or a commit). They stay with their file while this window is open, and come back when it is checked again.</source>
        <translation>
            <numerusform>%Ln correction de l&apos;aperçu n&apos;est pas encore enregistrée (dans une copie corrigée ou par une validation). Elle reste attachée à son fichier tant que cette fenêtre est ouverte, et revient quand il est vérifié à nouveau.</numerusform>
            <numerusform>%Ln corrections de l&apos;aperçu ne sont pas encore enregistrées (dans une copie corrigée ou par une validation). Elles restent attachées à leur fichier tant que cette fenêtre est ouverte, et reviennent quand il est vérifié à nouveau.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Keep them and open</source>
        <translation>
            <numerusform>La &amp;garder et ouvrir</numerusform>
            <numerusform>Les &amp;garder et ouvrir</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Discard them and open</source>
        <translation>
            <numerusform>L&apos;&amp;abandonner et ouvrir</numerusform>
            <numerusform>Les &amp;abandonner et ouvrir</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Your changes to the configuration (its reading, action, mapping or XML) are not saved, and opening another file drops them. Save the configuration %1 first?</source>
        <translation>Vos modifications de la configuration (sa lecture, son action, sa correspondance ou son XML) ne sont pas enregistrées, et ouvrir un autre fichier les abandonne. Enregistrer d&apos;abord la configuration %1&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Save the configuration and open</source>
        <translation>&amp;Enregistrer la configuration et ouvrir</translation>
    </message>
    <message>
        <source>&amp;Discard the changes and open</source>
        <translation>&amp;Abandonner les modifications et ouvrir</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Save the corrected copy(ies), drop the changes</source>
        <translation>
            <numerusform>&amp;Enregistrer la copie corrigée, abandonner les modifications</numerusform>
            <numerusform>&amp;Enregistrer les copies corrigées, abandonner les modifications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Save the corrected copy(ies)</source>
        <translation>
            <numerusform>&amp;Enregistrer la copie corrigée</numerusform>
            <numerusform>&amp;Enregistrer les copies corrigées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Save the copy(ies) and the configuration</source>
        <translation>
            <numerusform>&amp;Enregistrer la copie et la configuration</numerusform>
            <numerusform>&amp;Enregistrer les copies et la configuration</numerusform>
        </translation>
    </message>
    <message>
        <source>The mapping: %1</source>
        <translation>La correspondance&#xa0;: %1</translation>
    </message>
    <message>
        <source>The XML: %1</source>
        <translation>Le XML&#xa0;: %1</translation>
    </message>
    <message>
        <source>Your changes to the import of %1 cannot be kept in the configuration yet, and showing another import drops them.</source>
        <translation>Vos modifications de l&apos;import de %1 ne peuvent pas encore être gardées dans la configuration, et afficher un autre import les abandonne.</translation>
    </message>
    <message>
        <source>Your changes to the import of %1 cannot be kept in the configuration yet, and starting anew drops them.</source>
        <translation>Vos modifications de l&apos;import de %1 ne peuvent pas encore être gardées dans la configuration, et recommencer les abandonne.</translation>
    </message>
    <message>
        <source>Start &amp;anew without saving</source>
        <translation>&amp;Recommencer sans enregistrer</translation>
    </message>
    <message>
        <source>Your changes to the import of %1 cannot be kept in the configuration yet, and quitting drops them.</source>
        <translation>Vos modifications de l&apos;import de %1 ne peuvent pas encore être gardées dans la configuration, et quitter les abandonne.</translation>
    </message>
    <message>
        <source>&amp;Quit without saving</source>
        <translation>&amp;Quitter sans enregistrer</translation>
    </message>
    <message>
        <source>Your changes to the import of %1 cannot be kept in the configuration yet, and opening another file drops them.</source>
        <translation>Vos modifications de l&apos;import de %1 ne peuvent pas encore être gardées dans la configuration, et ouvrir un autre fichier les abandonne.</translation>
    </message>
    <message>
        <source>The configuration this import was committed with (how its file is read, its action and mapping) is saved nowhere, and opening another file drops it. Save it %1 first, to find it under Saved configurations?</source>
        <translation>La configuration avec laquelle cet import a été validé (la lecture de son fichier, son action et sa correspondance) n&apos;est enregistrée nulle part, et ouvrir un autre fichier l&apos;abandonne. L&apos;enregistrer d&apos;abord %1, pour la retrouver dans Configurations enregistrées&#xa0;?</translation>
    </message>
    <message>
        <source>Open &amp;without saving</source>
        <translation>Ouvrir &amp;sans enregistrer</translation>
    </message>
    <message>
        <source>Show another import?</source>
        <translation>Afficher un autre import&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Discard the changes and switch</source>
        <translation>&amp;Abandonner les modifications et changer</translation>
    </message>
    <message numerus="yes">
        <source>%Ln correction(s) of the preview, neither committed nor saved in a corrected copy of their file, would be lost too.</source>
        <translation>
            <numerusform>%Ln correction de l&apos;aperçu, ni validée ni enregistrée dans une copie corrigée de son fichier, serait perdue aussi.</numerusform>
            <numerusform>%Ln corrections de l&apos;aperçu, ni validées ni enregistrées dans une copie corrigée de leur fichier, seraient perdues aussi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln correction(s) of the preview are neither committed nor saved in a corrected copy of their file. Save them in %1, beside the file they correct?</source>
        <translation>
            <numerusform>%Ln correction de l&apos;aperçu n&apos;est ni validée ni enregistrée dans une copie corrigée de son fichier. L&apos;enregistrer dans %1, à côté du fichier qu&apos;elle corrige&#xa0;?</numerusform>
            <numerusform>%Ln corrections de l&apos;aperçu ne sont ni validées ni enregistrées dans une copie corrigée de leur fichier. Les enregistrer dans %1, à côté du fichier qu&apos;elles corrigent&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>The configuration this import was committed with (how its file is read, its action and mapping) is saved nowhere: next time, the file&apos;s columns would have to be checked again. Save it %1, to find it under Saved configurations?</source>
        <translation>La configuration avec laquelle cet import a été validé (la lecture de son fichier, son action et sa correspondance) n&apos;est enregistrée nulle part&#xa0;: la prochaine fois, les colonnes du fichier seraient à vérifier de nouveau. L&apos;enregistrer %1, pour la retrouver dans Configurations enregistrées&#xa0;?</translation>
    </message>
    <message>
        <source>Your changes to the configuration (its reading, action, mapping or XML) are not saved. Save the configuration %1, to use it again?</source>
        <translation>Vos modifications de la configuration (sa lecture, son action, sa correspondance ou son XML) ne sont pas enregistrées. Enregistrer la configuration %1, pour la réutiliser&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Save the configuration</source>
        <translation>&amp;Enregistrer la configuration</translation>
    </message>
    <message numerus="yes">
        <source>%Ln correction(s) of the preview are neither committed nor saved in a corrected copy of their file, and your changes to the configuration (its reading, action, mapping or XML) are not saved either. Save the corrections in %1, beside the file they correct, and the configuration %2?</source>
        <translation>
            <numerusform>%Ln correction de l&apos;aperçu n&apos;est ni validée ni enregistrée dans une copie corrigée de son fichier, et vos modifications de la configuration (sa lecture, son action, sa correspondance ou son XML) ne sont pas enregistrées non plus. Enregistrer la correction dans %1, à côté du fichier qu&apos;elle corrige, et la configuration %2&#xa0;?</numerusform>
            <numerusform>%Ln corrections de l&apos;aperçu ne sont ni validées ni enregistrées dans une copie corrigée de leur fichier, et vos modifications de la configuration (sa lecture, son action, sa correspondance ou son XML) ne sont pas enregistrées non plus. Enregistrer les corrections dans %1, à côté du fichier qu&apos;elles corrigent, et la configuration %2&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>in your library as “%1”</source>
        <translation>dans votre bibliothèque sous le nom «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>dans %1</translation>
    </message>
</context>
<context>
    <name>Workbook</name>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>No rows were checked.</source>
        <translation>Aucune ligne n&apos;a été vérifiée.</translation>
    </message>
    <message>
        <source>… [cut: the whole text has {length} characters, more than a cell holds]</source>
        <translation>… [coupé&#xa0;: le texte entier a {length}&#xa0;caractères, plus qu&apos;une cellule n&apos;en contient]</translation>
    </message>
    <message>
        <source>Messages (the file&apos;s columns {first} to {last} are left out: a sheet holds {limit} columns)</source>
        <translation>Messages (les colonnes {first} à {last} du fichier sont omises&#xa0;: une feuille en contient au plus {limit})</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>ERREUR</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>AVERTISSEMENT</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Writer</name>
    <message>
        <source>Already written</source>
        <translation>Déjà écrit</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>catalogue</name>
    <message>
        <source>Training course code</source>
        <translation>Code de la formation</translation>
    </message>
    <message>
        <source>Training course title</source>
        <translation>Titre de la formation</translation>
    </message>
    <message>
        <source>Training course GUID</source>
        <translation>GUID de la formation</translation>
    </message>
    <message>
        <source>Training course language</source>
        <translation>Langue de la formation</translation>
    </message>
    <message>
        <source>Training course modality</source>
        <translation>Modalité de la formation</translation>
    </message>
    <message>
        <source>Training course description</source>
        <translation>Description de la formation</translation>
    </message>
    <message>
        <source>Training course duration</source>
        <translation>Durée de la formation</translation>
    </message>
    <message>
        <source>Training course id</source>
        <translation>N° de la formation</translation>
    </message>
    <message>
        <source>Teacher&apos;s login</source>
        <translation>Identifiant du formateur</translation>
    </message>
    <message>
        <source>Teacher&apos;s last name</source>
        <translation>Nom du formateur</translation>
    </message>
    <message>
        <source>Teacher&apos;s first name</source>
        <translation>Prénom du formateur</translation>
    </message>
    <message>
        <source>Teacher&apos;s e-mail address</source>
        <translation>Courriel du formateur</translation>
    </message>
    <message>
        <source>Session action</source>
        <translation>Action sur la session</translation>
    </message>
    <message>
        <source>Session status</source>
        <translation>Statut de la session</translation>
    </message>
    <message>
        <source>Session GUID</source>
        <translation>GUID de la session</translation>
    </message>
    <message>
        <source>Session start date</source>
        <translation>Date de début de la session</translation>
    </message>
    <message>
        <source>Session end date</source>
        <translation>Date de fin de la session</translation>
    </message>
    <message>
        <source>Session title</source>
        <translation>Titre de la session</translation>
    </message>
    <message>
        <source>Session id</source>
        <translation>N° de la session</translation>
    </message>
    <message>
        <source>Intervention GUID</source>
        <translation>GUID de l&apos;intervention</translation>
    </message>
    <message>
        <source>Intervention start</source>
        <translation>Début de l&apos;intervention</translation>
    </message>
    <message>
        <source>Intervention duration</source>
        <translation>Durée de l&apos;intervention</translation>
    </message>
    <message>
        <source>Intervention status</source>
        <translation>Statut de l&apos;intervention</translation>
    </message>
    <message>
        <source>Room GUID</source>
        <translation>GUID de la salle</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Nom de la salle</translation>
    </message>
    <message>
        <source>Room capacity</source>
        <translation>Capacité de la salle</translation>
    </message>
    <message>
        <source>Create or update</source>
        <translation>Créer ou mettre à jour</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Training course action</source>
        <translation>Action sur la formation</translation>
    </message>
    <message>
        <source>Learning objects (codes)</source>
        <translation>Objets pédagogiques (codes)</translation>
    </message>
    <message>
        <source>Training course price</source>
        <translation>Prix de la formation</translation>
    </message>
    <message>
        <source>What you will learn</source>
        <translation>Ce que vous apprendrez</translation>
    </message>
    <message>
        <source>Training course overview</source>
        <translation>Présentation de la formation</translation>
    </message>
    <message>
        <source>Learning outcomes</source>
        <translation>Acquis de la formation</translation>
    </message>
    <message>
        <source>Who should attend</source>
        <translation>Public visé</translation>
    </message>
    <message>
        <source>Further information</source>
        <translation>Informations complémentaires</translation>
    </message>
    <message>
        <source>Welcome text</source>
        <translation>Texte d&apos;accueil</translation>
    </message>
    <message>
        <source>Steps (blended)</source>
        <translation>Étapes (formation mixte)</translation>
    </message>
    <message>
        <source>Success threshold (legacy, ignored)</source>
        <translation>Seuil de réussite (ancien, ignoré)</translation>
    </message>
    <message>
        <source>Scores visible by learners (legacy, ignored)</source>
        <translation>Scores visibles par les apprenants (ancien, ignoré)</translation>
    </message>
    <message>
        <source>Find &amp;sessions by</source>
        <translation>Retrouver les sess&amp;ions par</translation>
    </message>
    <message>
        <source>With no, the import may only change or delete records that an import created.</source>
        <translation>Avec no, l&apos;import ne peut modifier ou supprimer que des enregistrements créés par un import.</translation>
    </message>
    <message>
        <source>Training courses</source>
        <translation>Formations</translation>
    </message>
    <message>
        <source>Creates or updates training courses, found by their code.</source>
        <translation>Crée ou met à jour des formations, retrouvées par leur code.</translation>
    </message>
    <message>
        <source>The training course&apos;s code: unknown creates, known updates.</source>
        <translation>Le code de la formation&#xa0;: inconnu, il la crée&#xa0;; connu, il la met à jour.</translation>
    </message>
    <message>
        <source>The training course&apos;s title.</source>
        <translation>Le titre de la formation.</translation>
    </message>
    <message>
        <source>The training course&apos;s GUID; generated when empty.</source>
        <translation>Le GUID de la formation&#xa0;; généré s&apos;il est vide.</translation>
    </message>
    <message>
        <source>The training course&apos;s main locale.</source>
        <translation>La langue principale de la formation.</translation>
    </message>
    <message>
        <source>The training course&apos;s description.</source>
        <translation>La description de la formation.</translation>
    </message>
    <message>
        <source>The training course&apos;s duration.</source>
        <translation>La durée de la formation.</translation>
    </message>
    <message>
        <source>The learning objects&apos; codes: steps apart with ||, the objects of a step apart with commas (REF1,REF2||REF3).</source>
        <translation>Les codes des objets pédagogiques&#xa0;: les étapes séparées par ||, les objets d&apos;une étape par des virgules (REF1,REF2||REF3).</translation>
    </message>
    <message>
        <source>The training course&apos;s price.</source>
        <translation>Le prix de la formation.</translation>
    </message>
    <message>
        <source>What the learners will learn.</source>
        <translation>Ce que les apprenants apprendront.</translation>
    </message>
    <message>
        <source>The training course&apos;s overview.</source>
        <translation>La présentation de la formation.</translation>
    </message>
    <message>
        <source>The training course&apos;s learning outcomes.</source>
        <translation>Les acquis de la formation.</translation>
    </message>
    <message>
        <source>Who should attend.</source>
        <translation>Le public visé.</translation>
    </message>
    <message>
        <source>Further information on the training course.</source>
        <translation>Des informations complémentaires sur la formation.</translation>
    </message>
    <message>
        <source>The training course&apos;s welcome text.</source>
        <translation>Le texte d&apos;accueil de la formation.</translation>
    </message>
    <message>
        <source>A blended training&apos;s steps: Title|&gt;days, apart with || (the days may be left out); a blended training must have some.</source>
        <translation>Les étapes d&apos;une formation mixte&#xa0;: Titre|&gt;jours, séparées par || (les jours peuvent être omis)&#xa0;; une formation mixte doit en avoir.</translation>
    </message>
    <message>
        <source>Legacy: read and ignored (the platform no longer reads it).</source>
        <translation>Ancien&#xa0;: lu et ignoré (la plateforme ne le lit plus).</translation>
    </message>
    <message>
        <source>Teachers</source>
        <translation>Formateurs</translation>
    </message>
    <message>
        <source>Creates or updates teachers, found by their login (an extension of ours).</source>
        <translation>Crée ou met à jour des formateurs, retrouvés par leur identifiant (une extension de notre part).</translation>
    </message>
    <message>
        <source>The teacher&apos;s login: unknown creates, known updates.</source>
        <translation>L&apos;identifiant du formateur&#xa0;: inconnu, il le crée&#xa0;; connu, il le met à jour.</translation>
    </message>
    <message>
        <source>The teacher&apos;s last name.</source>
        <translation>Le nom du formateur.</translation>
    </message>
    <message>
        <source>The teacher&apos;s first name.</source>
        <translation>Le prénom du formateur.</translation>
    </message>
    <message>
        <source>The teacher&apos;s e-mail address.</source>
        <translation>L&apos;adresse électronique du formateur.</translation>
    </message>
    <message>
        <source>Training sessions</source>
        <translation>Sessions de formation</translation>
    </message>
    <message>
        <source>Creates, updates or deletes the sessions of existing training courses.</source>
        <translation>Crée, met à jour ou supprime les sessions de formations existantes.</translation>
    </message>
    <message>
        <source>M creates or updates the session, A deletes it.</source>
        <translation>M crée ou met à jour la session, A la supprime.</translation>
    </message>
    <message>
        <source>The session&apos;s status.</source>
        <translation>Le statut de la session.</translation>
    </message>
    <message>
        <source>The session&apos;s GUID.</source>
        <translation>Le GUID de la session.</translation>
    </message>
    <message>
        <source>The session&apos;s start date.</source>
        <translation>La date de début de la session.</translation>
    </message>
    <message>
        <source>The session&apos;s end date; NULL clears it.</source>
        <translation>La date de fin de la session&#xa0;; NULL l&apos;efface.</translation>
    </message>
    <message>
        <source>The session&apos;s title.</source>
        <translation>Le titre de la session.</translation>
    </message>
    <message>
        <source>The platform&apos;s id of an existing session; a new session gets its own, so leave it empty to create one.</source>
        <translation>L&apos;identifiant d&apos;une session existante sur la plateforme&#xa0;; une nouvelle session reçoit le sien, laissez-le donc vide pour en créer une.</translation>
    </message>
    <message>
        <source>Learner&apos;s login</source>
        <translation>Identifiant de l&apos;apprenant</translation>
    </message>
    <message>
        <source>Learner&apos;s reference number</source>
        <translation>Matricule de l&apos;apprenant</translation>
    </message>
    <message>
        <source>Learner&apos;s e-mail address</source>
        <translation>Courriel de l&apos;apprenant</translation>
    </message>
    <message>
        <source>Registration GUID</source>
        <translation>GUID de l&apos;inscription</translation>
    </message>
    <message>
        <source>Register or unregister</source>
        <translation>Inscrire ou désinscrire</translation>
    </message>
    <message>
        <source>Registration date</source>
        <translation>Date d&apos;inscription</translation>
    </message>
    <message>
        <source>Learning object code</source>
        <translation>Code de l&apos;objet pédagogique</translation>
    </message>
    <message>
        <source>Learning object GUID</source>
        <translation>GUID de l&apos;objet pédagogique</translation>
    </message>
    <message>
        <source>First access</source>
        <translation>Premier accès</translation>
    </message>
    <message>
        <source>Last access</source>
        <translation>Dernier accès</translation>
    </message>
    <message>
        <source>First completion</source>
        <translation>Premier achèvement</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Tracking status</source>
        <translation>Statut du suivi</translation>
    </message>
    <message>
        <source>Time spent</source>
        <translation>Temps passé</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Maximum score</source>
        <translation>Score maximal</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Inscrire</translation>
    </message>
    <message>
        <source>Unregister</source>
        <translation>Désinscrire</translation>
    </message>
    <message>
        <source>Not attempted</source>
        <translation>Non commencé</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Incomplet</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échoué</translation>
    </message>
    <message>
        <source>Browsed</source>
        <translation>Parcouru</translation>
    </message>
    <message>
        <source>Find l&amp;earners by</source>
        <translation>Retrouver les appr&amp;enants par</translation>
    </message>
    <message>
        <source>Find training &amp;courses by</source>
        <translation>Retrouver les f&amp;ormations par</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <source>Enabled until a date</source>
        <translation>Actif jusqu&apos;à une date</translation>
    </message>
    <message>
        <source>Creates or updates learners, found by their login (or the fields chosen in Find learners by, on the next page), with their entity and manager.</source>
        <translation>Crée ou met à jour les apprenants, retrouvés par leur identifiant (ou les champs cochés dans Retrouver les apprenants par, à la page suivante), avec leur entité et leur responsable.</translation>
    </message>
    <message>
        <source>The learner&apos;s login.</source>
        <translation>L&apos;identifiant de l&apos;apprenant.</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Non importée</translation>
    </message>
    <message>
        <source>The learner&apos;s reference number.</source>
        <translation>Le matricule de l&apos;apprenant.</translation>
    </message>
    <message>
        <source>The learner&apos;s e-mail address.</source>
        <translation>L&apos;adresse électronique de l&apos;apprenant.</translation>
    </message>
    <message>
        <source>The fields whose values, together, find the learner; when several learners match, the oldest.</source>
        <translation>Les champs dont les valeurs, ensemble, retrouvent l&apos;apprenant&#xa0;; si plusieurs apprenants correspondent, le plus ancien.</translation>
    </message>
    <message>
        <source>Choose at least one field to find learners by.</source>
        <translation>Choisissez au moins un champ pour retrouver les apprenants.</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>Inscriptions</translation>
    </message>
    <message>
        <source>Registers learners to sessions, or unregisters them; creates the sessions it does not find.</source>
        <translation>Inscrit des apprenants à des sessions, ou les désinscrit&#xa0;; crée les sessions qu&apos;elle ne trouve pas.</translation>
    </message>
    <message>
        <source>The session&apos;s title. Without this column the platform renames a session &quot;Session for&quot; its learner on a new registration.</source>
        <translation>Le titre de la session. Sans cette colonne, la plateforme renomme une session «&#xa0;Session for&#xa0;» son apprenant lors d&apos;une nouvelle inscription.</translation>
    </message>
    <message>
        <source>The store&apos;s id of an existing session.</source>
        <translation>L&apos;identifiant d&apos;une session existante dans la base.</translation>
    </message>
    <message>
        <source>The session&apos;s end date.</source>
        <translation>La date de fin de la session.</translation>
    </message>
    <message>
        <source>The registration&apos;s GUID.</source>
        <translation>Le GUID de l&apos;inscription.</translation>
    </message>
    <message>
        <source>Y registers the learner (also when empty), N unregisters; the last learner unregistered deletes the session unless keepSession is Y.</source>
        <translation>Y inscrit l&apos;apprenant (de même si vide), N le désinscrit&#xa0;; le dernier apprenant désinscrit supprime la session, sauf si keepSession vaut Y.</translation>
    </message>
    <message>
        <source>When the learner was registered.</source>
        <translation>Quand l&apos;apprenant a été inscrit.</translation>
    </message>
    <message>
        <source>The fields whose values, together, find the training course.</source>
        <translation>Les champs dont les valeurs, ensemble, retrouvent la formation.</translation>
    </message>
    <message>
        <source>Choose at least one field to find training courses by.</source>
        <translation>Choisissez au moins un champ pour retrouver les formations.</translation>
    </message>
    <message>
        <source>With yes, the sessions found are left as they are; only new ones take the row&apos;s dates.</source>
        <translation>Avec yes, les sessions trouvées restent telles quelles&#xa0;; seules les nouvelles prennent les dates de la ligne.</translation>
    </message>
    <message>
        <source>Leave existing sessions as they are</source>
        <translation>Laisser les sessions existantes telles quelles</translation>
    </message>
    <message>
        <source>With yes, a disabled learner registered by a row is enabled again.</source>
        <translation>Avec yes, un apprenant désactivé inscrit par une ligne est réactivé.</translation>
    </message>
    <message>
        <source>Reactivate registered learners</source>
        <translation>Réactiver les apprenants inscrits</translation>
    </message>
    <message>
        <source>The maximum score of a row that gives none.</source>
        <translation>Le score maximal d&apos;une ligne qui n&apos;en donne pas.</translation>
    </message>
    <message>
        <source>Default maximum score</source>
        <translation>Score maximal par défaut</translation>
    </message>
    <message>
        <source>Consolidated tracking</source>
        <translation>Suivi consolidé</translation>
    </message>
    <message>
        <source>Records each learner&apos;s progress in a learning object of a session; a row replaces the last.</source>
        <translation>Enregistre la progression de chaque apprenant dans un objet pédagogique d&apos;une session&#xa0;; une ligne remplace la précédente.</translation>
    </message>
    <message>
        <source>The learning object&apos;s code (its version&apos;s reference number).</source>
        <translation>Le code de l&apos;objet pédagogique (la référence de sa version).</translation>
    </message>
    <message>
        <source>The learning object&apos;s GUID.</source>
        <translation>Le GUID de l&apos;objet pédagogique.</translation>
    </message>
    <message>
        <source>The session, by GUID.</source>
        <translation>La session, par son GUID.</translation>
    </message>
    <message>
        <source>The session, by title inside its training course.</source>
        <translation>La session, par son titre dans sa formation.</translation>
    </message>
    <message>
        <source>The store&apos;s id of the session.</source>
        <translation>L&apos;identifiant de la session dans la base.</translation>
    </message>
    <message>
        <source>When the learner first opened the learning object.</source>
        <translation>Quand l&apos;apprenant a ouvert l&apos;objet pédagogique pour la première fois.</translation>
    </message>
    <message>
        <source>When the learner last opened it.</source>
        <translation>Quand l&apos;apprenant l&apos;a ouvert pour la dernière fois.</translation>
    </message>
    <message>
        <source>When the learner first completed it; today for a completed row without one.</source>
        <translation>Quand l&apos;apprenant l&apos;a achevé pour la première fois&#xa0;; aujourd&apos;hui pour une ligne achevée qui n&apos;en donne pas.</translation>
    </message>
    <message>
        <source>The learner&apos;s progress.</source>
        <translation>La progression de l&apos;apprenant.</translation>
    </message>
    <message>
        <source>The completion status; notAttempted resets the tracking.</source>
        <translation>Le statut d&apos;achèvement&#xa0;; notAttempted remet le suivi à zéro.</translation>
    </message>
    <message>
        <source>Time spent: seconds, hh:ii:ss or PT1H25M15S.</source>
        <translation>Temps passé&#xa0;: en secondes, hh:ii:ss ou PT1H25M15S.</translation>
    </message>
    <message>
        <source>The learner&apos;s score.</source>
        <translation>Le score de l&apos;apprenant.</translation>
    </message>
    <message>
        <source>The maximum score; defaultScoreMax when empty.</source>
        <translation>Le score maximal&#xa0;; defaultScoreMax s&apos;il est vide.</translation>
    </message>
    <message>
        <source>How the file writes dates and times (tokens as dateFormat&apos;s, with HH, II and SS).</source>
        <translation>Comment le fichier écrit les dates et heures (mêmes jetons que dateFormat, avec HH, II et SS).</translation>
    </message>
    <message>
        <source>Date and time format</source>
        <translation>Format de date et heure</translation>
    </message>
    <message>
        <source>The time zone of the file&apos;s dates and times (such as Europe/Paris).</source>
        <translation>Le fuseau horaire des dates et heures du fichier (comme Europe/Paris).</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>The time given to a date written without one (hh:ii:ss).</source>
        <translation>L&apos;heure donnée à une date écrite sans heure (hh:ii:ss).</translation>
    </message>
    <message>
        <source>Default time</source>
        <translation>Heure par défaut</translation>
    </message>
    <message>
        <source>Learner&apos;s last name</source>
        <translation>Nom de l&apos;apprenant</translation>
    </message>
    <message>
        <source>Learner&apos;s first name</source>
        <translation>Prénom de l&apos;apprenant</translation>
    </message>
    <message>
        <source>Learner&apos;s password</source>
        <translation>Mot de passe de l&apos;apprenant</translation>
    </message>
    <message>
        <source>Account enabled</source>
        <translation>Compte actif</translation>
    </message>
    <message>
        <source>Learner&apos;s time zone</source>
        <translation>Fuseau horaire de l&apos;apprenant</translation>
    </message>
    <message>
        <source>Learner&apos;s languages</source>
        <translation>Langues de l&apos;apprenant</translation>
    </message>
    <message>
        <source>Enabled from</source>
        <translation>Actif à partir du</translation>
    </message>
    <message>
        <source>Enabled until</source>
        <translation>Actif jusqu&apos;au</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>Présentation</translation>
    </message>
    <message>
        <source>Custom field</source>
        <translation>Champ personnalisé</translation>
    </message>
    <message>
        <source>Entity GUID</source>
        <translation>GUID de l&apos;entité</translation>
    </message>
    <message>
        <source>Entity id</source>
        <translation>N° de l&apos;entité</translation>
    </message>
    <message>
        <source>Entity name</source>
        <translation>Nom de l&apos;entité</translation>
    </message>
    <message>
        <source>Entity (one level per column)</source>
        <translation>Entité (un niveau par colonne)</translation>
    </message>
    <message>
        <source>Manager&apos;s login</source>
        <translation>Identifiant du responsable</translation>
    </message>
    <message>
        <source>Manager&apos;s reference number</source>
        <translation>Matricule du responsable</translation>
    </message>
    <message>
        <source>The id of the entity new records go under. While the store knows no entity, it is taken on trust and recorded as &quot;Entity &lt;id&gt;&quot;.</source>
        <translation>L&apos;identifiant de l&apos;entité sous laquelle vont les nouveaux enregistrements. Tant que la base ne connaît aucune entité, il est pris de confiance et enregistré comme «&#xa0;Entity &lt;id&gt;&#xa0;».</translation>
    </message>
    <message>
        <source>Default entity id</source>
        <translation>N° de l&apos;entité par défaut</translation>
    </message>
    <message>
        <source>Entities (organisation tree)</source>
        <translation>Entités (arbre de l&apos;organisation)</translation>
    </message>
    <message>
        <source>Creates or places the entities of the organisation tree, one level per column, found by name.</source>
        <translation>Crée ou place les entités de l&apos;arbre de l&apos;organisation, un niveau par colonne, retrouvées par leur nom.</translation>
    </message>
    <message>
        <source>An entity&apos;s name; each such column is one level below the one before, the first below defaultEntityId. Unknown names are created, known ones (the oldest of a name) placed there.</source>
        <translation>Le nom d&apos;une entité&#xa0;; chacune de ces colonnes est un niveau sous la précédente, la première sous defaultEntityId. Les noms inconnus sont créés, les connus (la plus ancienne de ce nom) placés là.</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>Apprenants</translation>
    </message>
    <message>
        <source>The learner&apos;s last name.</source>
        <translation>Le nom de l&apos;apprenant.</translation>
    </message>
    <message>
        <source>The learner&apos;s first name.</source>
        <translation>Le prénom de l&apos;apprenant.</translation>
    </message>
    <message>
        <source>The learner&apos;s password: checked, and never kept in the store.</source>
        <translation>Le mot de passe de l&apos;apprenant&#xa0;: vérifié, et jamais conservé dans la base.</translation>
    </message>
    <message>
        <source>Y enables the account, N disables it, U enables it until enabledUntil; before enabledFrom and enabledUntil, after enableAllLearners.</source>
        <translation>Y active le compte, N le désactive, U l&apos;active jusqu&apos;à enabledUntil&#xa0;; appliqué avant enabledFrom et enabledUntil, après enableAllLearners.</translation>
    </message>
    <message>
        <source>The first day the account is enabled.</source>
        <translation>Le premier jour où le compte est actif.</translation>
    </message>
    <message>
        <source>The last day the account is enabled.</source>
        <translation>Le dernier jour où le compte est actif.</translation>
    </message>
    <message>
        <source>The learner&apos;s languages, in order, comma-separated (fr-FR,en-GB); defaultLangCode for a new learner without one.</source>
        <translation>Les langues de l&apos;apprenant, dans l&apos;ordre, séparées par des virgules (fr-FR,en-GB)&#xa0;; defaultLangCode pour un nouvel apprenant qui n&apos;en a pas.</translation>
    </message>
    <message>
        <source>The learner&apos;s time zone (such as Europe/Paris).</source>
        <translation>Le fuseau horaire de l&apos;apprenant (comme Europe/Paris).</translation>
    </message>
    <message>
        <source>The learner&apos;s entity, by GUID.</source>
        <translation>L&apos;entité de l&apos;apprenant, par son GUID.</translation>
    </message>
    <message>
        <source>The learner&apos;s entity, by the store&apos;s id.</source>
        <translation>L&apos;entité de l&apos;apprenant, par son identifiant dans la base.</translation>
    </message>
    <message>
        <source>The learner&apos;s entity, by name; defaultEntityId for a new learner when no entity column is filled.</source>
        <translation>L&apos;entité de l&apos;apprenant, par son nom&#xa0;; defaultEntityId pour un nouvel apprenant quand aucune colonne d&apos;entité n&apos;est remplie.</translation>
    </message>
    <message>
        <source>The manager&apos;s login (a learner).</source>
        <translation>L&apos;identifiant du responsable (un apprenant).</translation>
    </message>
    <message>
        <source>The manager&apos;s reference number (a learner).</source>
        <translation>Le matricule du responsable (un apprenant).</translation>
    </message>
    <message>
        <source>The presentation of the learner&apos;s profile.</source>
        <translation>La présentation du profil de l&apos;apprenant.</translation>
    </message>
    <message>
        <source>A custom field of the learner, named by its &lt;guid&gt;.</source>
        <translation>Un champ personnalisé de l&apos;apprenant, désigné par son &lt;guid&gt;.</translation>
    </message>
    <message>
        <source>The language of a new learner whose languages are empty (such as en-GB).</source>
        <translation>La langue d&apos;un nouvel apprenant dont les langues sont vides (comme en-GB).</translation>
    </message>
    <message>
        <source>Default language</source>
        <translation>Langue par défaut</translation>
    </message>
    <message>
        <source>With yes, every learner a row creates or updates is enabled, whatever candidateValidity says.</source>
        <translation>Avec yes, chaque apprenant qu&apos;une ligne crée ou met à jour est activé, quoi que dise candidateValidity.</translation>
    </message>
    <message>
        <source>Enable all learners</source>
        <translation>Activer tous les apprenants</translation>
    </message>
    <message>
        <source>With yes, the platform does not mark the learners as changed by an import (a later fullAccess=no import may not change them).</source>
        <translation>Avec yes, la plateforme ne marque pas les apprenants comme modifiés par un import (un import ultérieur avec fullAccess=no ne pourra pas les modifier).</translation>
    </message>
    <message>
        <source>Do not mark learners as imported</source>
        <translation>Ne pas marquer les apprenants comme importés</translation>
    </message>
    <message>
        <source>Login of an existing teacher, set as the session&apos;s teacher.</source>
        <translation>Identifiant d&apos;un formateur existant, désigné comme formateur de la session.</translation>
    </message>
    <message>
        <source>How the course is given; it cannot change.</source>
        <translation>La façon dont la formation est dispensée&#xa0;; elle ne peut pas changer.</translation>
    </message>
    <message>
        <source>M creates or updates the training course, A deletes it (once it has no session).</source>
        <translation>M crée ou met à jour la formation, A la supprime (une fois qu&apos;elle n&apos;a plus de session).</translation>
    </message>
    <message>
        <source>The training course&apos;s code.</source>
        <translation>Le code de la formation.</translation>
    </message>
    <message>
        <source>The store&apos;s id of the training course.</source>
        <translation>L&apos;identifiant de la formation dans la base.</translation>
    </message>
    <message>
        <source>The fields whose values, together, find the session inside its training.</source>
        <translation>Les champs dont les valeurs, ensemble, retrouvent la session dans sa formation.</translation>
    </message>
    <message>
        <source>Choose at least one field to find sessions by.</source>
        <translation>Choisissez au moins un champ pour retrouver les sessions.</translation>
    </message>
    <message>
        <source>Full &amp;access</source>
        <translation>Accès co&amp;mplet</translation>
    </message>
    <message>
        <source>Interventions (classroom meetings)</source>
        <translation>Interventions (séances en salle)</translation>
    </message>
    <message>
        <source>Creates or updates the classroom meetings of sessions, with their rooms and teachers.</source>
        <translation>Crée ou met à jour les séances en salle des sessions, avec leurs salles et leurs formateurs.</translation>
    </message>
    <message>
        <source>Identifies the intervention: unknown creates, known updates.</source>
        <translation>Identifie l&apos;intervention&#xa0;: inconnu, il la crée&#xa0;; connu, il la met à jour.</translation>
    </message>
    <message>
        <source>The training course, by GUID.</source>
        <translation>La formation, par son GUID.</translation>
    </message>
    <message>
        <source>The training course, by code.</source>
        <translation>La formation, par son code.</translation>
    </message>
    <message>
        <source>The session inside that training, by GUID.</source>
        <translation>La session dans cette formation, par son GUID.</translation>
    </message>
    <message>
        <source>The session inside that training, by title.</source>
        <translation>La session dans cette formation, par son titre.</translation>
    </message>
    <message>
        <source>Start of the meeting, ISO 8601.</source>
        <translation>Début de la séance, au format ISO 8601.</translation>
    </message>
    <message>
        <source>Duration in hours.</source>
        <translation>Durée en heures.</translation>
    </message>
    <message>
        <source>The room: unknown creates it, known updates it.</source>
        <translation>La salle&#xa0;: inconnue, elle est créée&#xa0;; connue, elle est mise à jour.</translation>
    </message>
    <message>
        <source>The room&apos;s label.</source>
        <translation>Le nom de la salle.</translation>
    </message>
    <message>
        <source>Number of places in the room.</source>
        <translation>Nombre de places dans la salle.</translation>
    </message>
    <message>
        <source>Login of an existing teacher.</source>
        <translation>Identifiant d&apos;un formateur existant.</translation>
    </message>
    <message>
        <source>A for active, C for cancelled.</source>
        <translation>A pour active, C pour annulée.</translation>
    </message>
    <message>
        <source>&amp;Date format</source>
        <translation>Format de &amp;date</translation>
    </message>
    <message>
        <source>Y, M, D, H, I (minutes), S and the characters / _ . : ; , - and space</source>
        <translation>Y, M, D, H, I (minutes), S et les caractères / _ . : ; , - et l&apos;espace</translation>
    </message>
    <message>
        <source>The learner&apos;s GUID.</source>
        <translation>Le GUID de l&apos;apprenant.</translation>
    </message>
    <message>
        <source>Learner&apos;s GUID</source>
        <translation>GUID de l&apos;apprenant</translation>
    </message>
    <message>
        <source>The learning object&apos;s reference number (what lovCodes and a tracking row&apos;s lovCode name).</source>
        <translation>La référence de l&apos;objet pédagogique (ce que nomment lovCodes et le lovCode d&apos;une ligne de suivi).</translation>
    </message>
    <message>
        <source>The learning object&apos;s title.</source>
        <translation>Le titre de l&apos;objet pédagogique.</translation>
    </message>
    <message>
        <source>Learning object title</source>
        <translation>Titre de l&apos;objet pédagogique</translation>
    </message>
    <message>
        <source>The learning object&apos;s publisher.</source>
        <translation>L&apos;éditeur de l&apos;objet pédagogique.</translation>
    </message>
    <message>
        <source>Learning object publisher</source>
        <translation>Éditeur de l&apos;objet pédagogique</translation>
    </message>
    <message>
        <source>The learning object&apos;s runtime (SCORM, MP4, AICC...).</source>
        <translation>Le format d&apos;exécution de l&apos;objet pédagogique (SCORM, MP4, AICC…).</translation>
    </message>
    <message>
        <source>Learning object type</source>
        <translation>Type de l&apos;objet pédagogique</translation>
    </message>
    <message>
        <source>When the classroom event starts (a date, with its time when given).</source>
        <translation>Quand l&apos;événement en classe commence (une date, avec son heure si elle est donnée).</translation>
    </message>
    <message>
        <source>Event start</source>
        <translation>Début de l&apos;événement</translation>
    </message>
    <message>
        <source>When the classroom event ends.</source>
        <translation>Quand l&apos;événement en classe se termine.</translation>
    </message>
    <message>
        <source>Event end</source>
        <translation>Fin de l&apos;événement</translation>
    </message>
    <message>
        <source>The title of the event&apos;s room (what the room&apos;s label is in the store).</source>
        <translation>Le titre de la salle de l&apos;événement (le libellé de la salle dans la base).</translation>
    </message>
    <message>
        <source>Event room</source>
        <translation>Salle de l&apos;événement</translation>
    </message>
    <message>
        <source>C confirmed, P pending, CA cancelled.</source>
        <translation>C confirmé, P en attente, CA annulé.</translation>
    </message>
    <message>
        <source>Event status</source>
        <translation>Statut de l&apos;événement</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Annulé&#xa0;; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>Impossible d&apos;écrire {path}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{path}: this file name cannot be given to the system, whose file names are {encoding} under the current locale; run with a UTF-8 locale (LC_ALL=C.UTF-8) or PYTHONUTF8=1.</source>
        <translation>{path}&#xa0;: ce nom de fichier ne peut pas être donné au système, dont les noms de fichiers sont en {encoding} avec les paramètres régionaux actuels&#xa0;; lancez le programme avec des paramètres régionaux UTF-8 (LC_ALL=C.UTF-8) ou PYTHONUTF8=1.</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>Aucun fichier ou dossier de ce nom</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Permission refusée</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>Opération non permise</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>Plus d&apos;espace libre sur le périphérique</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>Quota de disque dépassé</translation>
    </message>
    <message>
        <source>File too large</source>
        <translation>Fichier trop volumineux</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>Système de fichiers en lecture seule</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>C&apos;est un dossier</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>Ce n&apos;est pas un dossier</translation>
    </message>
    <message>
        <source>Directory not empty</source>
        <translation>Dossier non vide</translation>
    </message>
    <message>
        <source>File exists</source>
        <translation>Le fichier existe déjà</translation>
    </message>
    <message>
        <source>Device or resource busy</source>
        <translation>Périphérique ou ressource occupé</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>Nom de fichier trop long</translation>
    </message>
    <message>
        <source>Too many levels of symbolic links</source>
        <translation>Trop de niveaux de liens symboliques</translation>
    </message>
    <message>
        <source>Invalid cross-device link</source>
        <translation>Lien entre périphériques non valable</translation>
    </message>
    <message>
        <source>Too many open files</source>
        <translation>Trop de fichiers ouverts</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>Erreur d&apos;entrée/sortie</translation>
    </message>
    <message>
        <source>Invalid argument</source>
        <translation>Argument non valable</translation>
    </message>
    <message>
        <source>Resource temporarily unavailable</source>
        <translation>Ressource temporairement indisponible</translation>
    </message>
    <message>
        <source>Connection timed out</source>
        <translation>Délai de connexion dépassé</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Connexion refusée</translation>
    </message>
    <message>
        <source>Connection reset by peer</source>
        <translation>Connexion interrompue par l&apos;autre machine</translation>
    </message>
    <message>
        <source>No route to host</source>
        <translation>Aucun chemin vers l&apos;hôte</translation>
    </message>
    <message>
        <source>Host is down</source>
        <translation>L&apos;hôte est hors service</translation>
    </message>
    <message>
        <source>Network is unreachable</source>
        <translation>Réseau inaccessible</translation>
    </message>
    <message>
        <source>this is not a {suffix} workbook (it may be a text or CSV file renamed {suffix})</source>
        <translation>ce n&apos;est pas un classeur {suffix} (c&apos;est peut-être un fichier texte ou CSV renommé en {suffix})</translation>
    </message>
    <message>
        <source>the workbook cannot be read; it may be damaged or incomplete ({detail})</source>
        <translation>le classeur ne peut pas être lu&#xa0;; il est peut-être endommagé ou incomplet (message du lecteur de classeurs, en anglais&#xa0;: {detail})</translation>
    </message>
    <message>
        <source>the sheet {name} cannot be read: this cell is marked as TRUE or FALSE but holds &quot;{value}&quot;; the workbook is damaged: type TRUE or FALSE again in a spreadsheet and save it</source>
        <translation>la feuille {name} ne peut pas être lue&#xa0;: cette cellule est marquée comme VRAI ou FAUX mais contient «&#xa0;{value}&#xa0;»&#xa0;; le classeur est endommagé&#xa0;: saisissez à nouveau VRAI ou FAUX dans un tableur et enregistrez-le</translation>
    </message>
    <message>
        <source>Field {field}: the cell {cell} holds the formula error {value}; correct the formula in the workbook and save it again</source>
        <translation>Champ {field}&#xa0;: la cellule {cell} contient l&apos;erreur de formule {value}&#xa0;; corrigez la formule dans le classeur et enregistrez-le à nouveau</translation>
    </message>
    <message>
        <source>the cell holds a formula whose result was never calculated (the file was written by a program, not saved by a spreadsheet); open it in Excel or LibreOffice and save it again</source>
        <translation>la cellule contient une formule dont le résultat n&apos;a jamais été calculé (le fichier a été écrit par un programme, pas enregistré par un tableur)&#xa0;; ouvrez-le dans Excel ou LibreOffice et enregistrez-le à nouveau</translation>
    </message>
    <message>
        <source>the workbook&apos;s part {part} unpacks to {size} MB from {packed} KB; this is not spreadsheet data, so it is not read</source>
        <translation>la partie {part} du classeur se décompresse en {size}&#xa0;Mo à partir de {packed}&#xa0;Ko&#xa0;; ce ne sont pas les données d&apos;un tableur, elle n&apos;est donc pas lue</translation>
    </message>
    <message>
        <source>the workbook declares {declared} shared strings but holds {count}; it is damaged, or made to exhaust memory</source>
        <translation>le classeur déclare {declared} textes partagés mais en contient {count}&#xa0;; il est endommagé, ou fait pour épuiser la mémoire</translation>
    </message>
    <message>
        <source>the sheet {name} reaches row {rows} and column {column} ({cells} cells, counting repeated rows and columns); delete the rows or columns past your data</source>
        <translation>la feuille {name} va jusqu&apos;à la ligne {rows} et la colonne {column} ({cells} cellules, en comptant les lignes et colonnes répétées)&#xa0;; supprimez les lignes ou colonnes au-delà de vos données</translation>
    </message>
    <message>
        <source>the sheet {name} holds {size} MB of spaces written as counts; this is not spreadsheet data, so it is not read</source>
        <translation>la feuille {name} contient {size}&#xa0;Mo d&apos;espaces écrits sous forme de nombres&#xa0;; ce ne sont pas les données d&apos;un tableur, elle n&apos;est donc pas lue</translation>
    </message>
    <message>
        <source>the workbook is too large to read ({detail})</source>
        <translation>le classeur est trop grand pour être lu ({detail})</translation>
    </message>
    <message>
        <source>the cell {cell} lies past the last cell a sheet can have (XFD1048576); the workbook is damaged</source>
        <translation>la cellule {cell} se trouve au-delà de la dernière cellule qu&apos;une feuille peut avoir (XFD1048576)&#xa0;; le classeur est endommagé</translation>
    </message>
    <message>
        <source>the sheet {name} has {count} cells far to the right (as far as column {column}); delete the stray cells or columns past your data</source>
        <translation>la feuille {name} a {count} cellules loin à droite (jusqu&apos;à la colonne {column})&#xa0;; supprimez les cellules ou colonnes égarées au-delà de vos données</translation>
    </message>
    <message>
        <source>the sheet {name} reaches row {rows} and column {column}, too far to be loaded whole, and its rows are not in order, so it cannot be read row by row; delete the cells past your data, or open the file in a spreadsheet and save it again</source>
        <translation>la feuille {name} va jusqu&apos;à la ligne {rows} et la colonne {column}, trop loin pour être chargée en entier, et ses lignes ne sont pas dans l&apos;ordre, elle ne peut donc pas être lue ligne par ligne&#xa0;; supprimez les cellules au-delà de vos données, ou ouvrez le fichier dans un tableur et enregistrez-le à nouveau</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>le fichier n&apos;existe pas</translation>
    </message>
    <message>
        <source>this is a link to {target}, which does not exist</source>
        <translation>c&apos;est un lien vers {target}, qui n&apos;existe pas</translation>
    </message>
    <message>
        <source>this is a folder, not a data file</source>
        <translation>c&apos;est un dossier, pas un fichier de données</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <source>this is a pipe or a device, not a data file</source>
        <translation>c&apos;est un tube ou un périphérique, pas un fichier de données</translation>
    </message>
    <message>
        <source>the file cannot be read ({reason})</source>
        <translation>le fichier ne peut pas être lu ({reason})</translation>
    </message>
    <message>
        <source>the file holds no data, not even a header line</source>
        <translation>le fichier ne contient aucune donnée, pas même une ligne d&apos;en-tête</translation>
    </message>
    <message>
        <source>the byte {bytes} is not valid {encoding}</source>
        <translation>l&apos;octet {bytes} n&apos;est pas valide en {encoding}</translation>
    </message>
    <message>
        <source>the bytes {bytes} are not valid {encoding}</source>
        <translation>les octets {bytes} ne sont pas valides en {encoding}</translation>
    </message>
    <message>
        <source>the byte {bytes} is not valid {encoding}; is the file in {hint}?</source>
        <translation>l&apos;octet {bytes} n&apos;est pas valide en {encoding}&#xa0;; le fichier est-il en {hint}&#xa0;?</translation>
    </message>
    <message>
        <source>the bytes {bytes} are not valid {encoding}; is the file in {hint}?</source>
        <translation>les octets {bytes} ne sont pas valides en {encoding}&#xa0;; le fichier est-il en {hint}&#xa0;?</translation>
    </message>
    <message>
        <source>the file ends in the middle of a {encoding} character (its last bytes, {bytes}, begin one): it was cut short; copy it again from its source</source>
        <translation>le fichier s&apos;arrête au milieu d&apos;un caractère {encoding} (ses derniers octets, {bytes}, en commencent un)&#xa0;: il a été coupé&#xa0;; copiez-le à nouveau depuis sa source</translation>
    </message>
    <message>
        <source>the file starts with a UTF-8 byte order mark but is declared {encoding}; is the file in UTF-8?</source>
        <translation>le fichier commence par une marque d&apos;ordre des octets UTF-8 mais est déclaré en {encoding}&#xa0;; est-il en UTF-8&#xa0;?</translation>
    </message>
    <message>
        <source>the file is declared {encoding} but its accented letters are UTF-8: this line reads &quot;{utf8}&quot; in UTF-8 and &quot;{declared}&quot; in {encoding}; set &lt;fileEncoding&gt; to UTF-8</source>
        <translation>le fichier est déclaré en {encoding} mais ses lettres accentuées sont en UTF-8&#xa0;: cette ligne se lit «&#xa0;{utf8}&#xa0;» en UTF-8 et «&#xa0;{declared}&#xa0;» en {encoding}&#xa0;; indiquez UTF-8 dans &lt;fileEncoding&gt;</translation>
    </message>
    <message>
        <source>the file is declared {encoding} but its accented letters are UTF-8: this line reads &quot;{utf8}&quot; in UTF-8 and &quot;{declared}&quot; in {encoding}; set &lt;encoding&gt; of &lt;fileExportAction&gt; to UTF-8</source>
        <translation>le fichier est déclaré en {encoding} mais ses lettres accentuées sont en UTF-8&#xa0;: cette ligne se lit «&#xa0;{utf8}&#xa0;» en UTF-8 et «&#xa0;{declared}&#xa0;» en {encoding}&#xa0;; indiquez UTF-8 dans &lt;encoding&gt; de &lt;fileExportAction&gt;</translation>
    </message>
    <message>
        <source>the first {total} lines hold no {delimiter} but {count} {other} each; is the delimiter {name}? Set &lt;delimiter&gt; to {name}</source>
        <translation>les {total} premières lignes ne contiennent aucun {delimiter} mais {count} {other} chacune&#xa0;; le séparateur est-il {name}&#xa0;? Indiquez {name} dans &lt;delimiter&gt;</translation>
    </message>
    <message>
        <source>{single} of the first {total} lines hold no {delimiter} but each holds {count} {other}; is the delimiter {name}? Set &lt;delimiter&gt; to {name}</source>
        <translation>{single} des {total} premières lignes ne contiennent aucun {delimiter} mais chacune contient {count} {other}&#xa0;; le séparateur est-il {name}&#xa0;? Indiquez {name} dans &lt;delimiter&gt;</translation>
    </message>
    <message>
        <source>the first {total} lines hold no {delimiter} but {count} {other} each; is the file a CSV export delimited by {name}? A TSV export&apos;s columns are split by tabs: set &lt;format&gt; of &lt;fileExportAction&gt; to CSV, and its &lt;delimiter&gt; to {name}</source>
        <translation>les {total} premières lignes ne contiennent aucun {delimiter} mais {count} {other} chacune&#xa0;; le fichier est-il un export CSV séparé par {name}&#xa0;? Les colonnes d&apos;un export TSV sont séparées par des tabulations&#xa0;: indiquez CSV dans &lt;format&gt; de &lt;fileExportAction&gt;, et {name} dans son &lt;delimiter&gt;</translation>
    </message>
    <message>
        <source>{single} of the first {total} lines hold no {delimiter} but each holds {count} {other}; is the file a CSV export delimited by {name}? A TSV export&apos;s columns are split by tabs: set &lt;format&gt; of &lt;fileExportAction&gt; to CSV, and its &lt;delimiter&gt; to {name}</source>
        <translation>{single} des {total} premières lignes ne contiennent aucun {delimiter} mais chacune contient {count} {other}&#xa0;; le fichier est-il un export CSV séparé par {name}&#xa0;? Les colonnes d&apos;un export TSV sont séparées par des tabulations&#xa0;: indiquez CSV dans &lt;format&gt; de &lt;fileExportAction&gt;, et {name} dans son &lt;delimiter&gt;</translation>
    </message>
    <message>
        <source>the first line is &quot;{line}&quot;, which Excel writes to choose the delimiter; any other program reads it as the header line: delete it</source>
        <translation>la première ligne est «&#xa0;{line}&#xa0;», qu&apos;Excel écrit pour choisir le délimiteur&#xa0;; tout autre programme la lit comme la ligne d&apos;en-tête&#xa0;: supprimez-la</translation>
    </message>
    <message>
        <source>unknown file encoding {encoding}; use one of {known}</source>
        <translation>encodage de fichier inconnu {encoding}&#xa0;; utilisez l&apos;un de {known}</translation>
    </message>
    <message>
        <source>the delimiter {delimiter} is not a single character</source>
        <translation>le séparateur {delimiter} n&apos;est pas un seul caractère</translation>
    </message>
    <message>
        <source>the file does not look like UTF-16LE text (it holds no zero bytes)</source>
        <translation>le fichier ne ressemble pas à du texte UTF-16LE (il ne contient aucun octet nul)</translation>
    </message>
    <message>
        <source>the file does not look like UTF-16LE text (it holds no zero bytes); is the file in {hint}?</source>
        <translation>le fichier ne ressemble pas à du texte UTF-16LE (il ne contient aucun octet nul)&#xa0;; est-il en {hint}&#xa0;?</translation>
    </message>
    <message>
        <source>a field that starts on this line is longer than {mb} MB; is a quote (&quot;) left open?</source>
        <translation>un champ qui commence sur cette ligne dépasse {mb} Mo&#xa0;; un guillemet (&quot;) est-il resté ouvert&#xa0;?</translation>
    </message>
    <message>
        <source>a quoted field that starts on this line is never closed (unbalanced quote &quot;)</source>
        <translation>un champ entre guillemets qui commence sur cette ligne n&apos;est jamais fermé (guillemet &quot; non apparié)</translation>
    </message>
    <message>
        <source>a closing quote &quot; is followed by more text; it must be followed by the delimiter {delimiter} or the end of the line (write a quote inside a quoted field as &quot;&quot;)</source>
        <translation>un guillemet fermant &quot; est suivi d&apos;autre texte&#xa0;; il doit être suivi du séparateur {delimiter} ou de la fin de la ligne (écrivez un guillemet dans un champ entre guillemets comme &quot;&quot;)</translation>
    </message>
    <message>
        <source>a closing quote &quot; is followed by more text; it must be followed by the delimiter tab or the end of the line (write a quote inside a quoted field as &quot;&quot;)</source>
        <translation>un guillemet fermant &quot; est suivi d&apos;autre texte&#xa0;; il doit être suivi du séparateur tabulation ou de la fin de la ligne (écrivez un guillemet dans un champ entre guillemets comme &quot;&quot;)</translation>
    </message>
    <message>
        <source>the line cannot be read as CSV ({detail})</source>
        <translation>la ligne ne peut pas être lue comme du CSV (message du lecteur CSV, en anglais&#xa0;: {detail})</translation>
    </message>
    <message>
        <source>the file is in {encoding}, which neither the platform nor the assistant reads; save it again as UTF-8 or UTF-16LE</source>
        <translation>le fichier est en {encoding}, que ni la plateforme ni l&apos;assistant ne lisent&#xa0;; enregistrez-le à nouveau en UTF-8 ou en UTF-16LE</translation>
    </message>
    <message>
        <source>the file looks like Mac Roman (what Excel for Mac saves as &quot;CSV&quot;): this line reads &quot;{mac}&quot; in Mac Roman and &quot;{declared}&quot; in {encoding}; neither the platform nor the assistant reads Mac Roman: save the file again as CSV UTF-8</source>
        <translation>le fichier semble être en Mac Roman (ce qu&apos;Excel pour Mac enregistre en «&#xa0;CSV&#xa0;»)&#xa0;: cette ligne se lit «&#xa0;{mac}&#xa0;» en Mac Roman et «&#xa0;{declared}&#xa0;» en {encoding}&#xa0;; ni la plateforme ni l&apos;assistant ne lisent le Mac Roman&#xa0;: enregistrez à nouveau le fichier en CSV UTF-8</translation>
    </message>
    <message>
        <source>the line holds a NUL character (byte 0x00); is the file in UTF-16LE?</source>
        <translation>la ligne contient un caractère NUL (octet 0x00)&#xa0;; le fichier est-il en UTF-16LE&#xa0;?</translation>
    </message>
    <message>
        <source>the line holds a NUL character (byte 0x00); is it really a text file?</source>
        <translation>la ligne contient un caractère NUL (octet 0x00)&#xa0;; est-ce vraiment un fichier texte&#xa0;?</translation>
    </message>
    <message>
        <source>the sheet {name} cannot be read; the workbook may be damaged ({detail})</source>
        <translation>la feuille {name} ne peut pas être lue&#xa0;; le classeur est peut-être endommagé (message du lecteur de classeurs, en anglais&#xa0;: {detail})</translation>
    </message>
    <message>
        <source>the sheet {name} cannot be read: the workbook lists it, but the part holding its cells is missing; the workbook is damaged or incomplete</source>
        <translation>la feuille {name} ne peut pas être lue&#xa0;: le classeur la mentionne, mais la partie qui contient ses cellules manque&#xa0;; le classeur est endommagé ou incomplet</translation>
    </message>
    <message>
        <source>the workbook is protected by a password</source>
        <translation>le classeur est protégé par un mot de passe</translation>
    </message>
    <message>
        <source>the workbook has no worksheet</source>
        <translation>le classeur n&apos;a aucune feuille</translation>
    </message>
    <message>
        <source>the workbook has no sheet {name}; its sheets are {names}</source>
        <translation>le classeur n&apos;a pas de feuille {name}&#xa0;; ses feuilles sont {names}</translation>
    </message>
    <message>
        <source>the sheet {name} is empty</source>
        <translation>la feuille {name} est vide</translation>
    </message>
    <message>
        <source>the sheet {name} cannot be read: this cell gives the number {number} of a shared text, and the workbook holds {count} (numbered from 0); the workbook is damaged: type the cell&apos;s text again in a spreadsheet and save it</source>
        <translation>la feuille {name} ne peut pas être lue&#xa0;: cette cellule donne le numéro {number} d&apos;un texte partagé, et le classeur en contient {count} (numérotés à partir de 0)&#xa0;; le classeur est endommagé&#xa0;: saisissez à nouveau le texte de la cellule dans un tableur et enregistrez-le</translation>
    </message>
    <message>
        <source>the sheet {name} cannot be read: this cell is marked as a number but holds &quot;{value}&quot;; the workbook is damaged: type the number again in a spreadsheet and save it</source>
        <translation>la feuille {name} ne peut pas être lue&#xa0;: cette cellule est marquée comme un nombre mais contient «&#xa0;{value}&#xa0;»&#xa0;; le classeur est endommagé&#xa0;: saisissez à nouveau le nombre dans un tableur et enregistrez-le</translation>
    </message>
    <message>
        <source>There is not enough memory to check these files; nothing was written. Check fewer or smaller files at a time, or close other programs.</source>
        <translation>La mémoire ne suffit pas pour vérifier ces fichiers&#xa0;; rien n&apos;a été écrit. Vérifiez moins de fichiers ou des fichiers plus petits à la fois, ou fermez d&apos;autres programmes.</translation>
    </message>
    <message>
        <source>&lt;fileName&gt; is empty: no data file is named.</source>
        <translation>&lt;fileName&gt; est vide&#xa0;: aucun fichier de données n&apos;est nommé.</translation>
    </message>
    <message>
        <source>fileName {name} matches no file in {folder}; correct it, or choose the data file yourself (on the command line: --data).</source>
        <translation>fileName {name} ne correspond à aucun fichier dans {folder}&#xa0;; corrigez-le, ou choisissez vous-même le fichier de données.</translation>
    </message>
    <message>
        <source>fileName {name} matches {count} files in {folder}; make it match one, or choose the data file yourself (on the command line: --data).</source>
        <translation>fileName {name} correspond à {count} fichiers dans {folder}&#xa0;; faites-le correspondre à un seul, ou choisissez vous-même le fichier de données.</translation>
    </message>
    <message>
        <source>the file changed since it was checked; check it again before committing.</source>
        <translation>le fichier a changé depuis sa vérification&#xa0;; vérifiez-le à nouveau avant de valider.</translation>
    </message>
    <message>
        <source>the file is no longer there (moved or deleted since it was checked): put it back, or check it again where it now is (on the command line: --data).</source>
        <translation>le fichier n&apos;est plus là (déplacé ou supprimé depuis la vérification)&#xa0;: remettez-le, ou vérifiez-le à nouveau là où il se trouve maintenant (en ligne de commande&#xa0;: --data).</translation>
    </message>
    <message>
        <source>{file} holds no rows.</source>
        <translation>{file} ne contient aucune ligne.</translation>
    </message>
    <message>
        <source>{file}: its lines hold {count} cells where the configuration maps {mapped} columns; nothing is read for {fields}.</source>
        <translation>{file}&#xa0;: ses lignes ont {count} cellules là où la configuration associe {mapped} colonnes&#xa0;; rien n&apos;est lu pour {fields}.</translation>
    </message>
    <message>
        <source>Nothing was committed: the store already holds every row; no run was recorded.</source>
        <translation>Rien n&apos;a été validé&#xa0;: la base contient déjà chaque ligne&#xa0;; aucune exécution n&apos;a été enregistrée.</translation>
    </message>
    <message>
        <source>Nothing was committed: every row has an error or is already in the store; no run was recorded.</source>
        <translation>Rien n&apos;a été validé&#xa0;: chaque ligne a une erreur ou est déjà dans la base&#xa0;; aucune exécution n&apos;a été enregistrée.</translation>
    </message>
    <message>
        <source>&lt;{option}&gt; &quot;{value}&quot; (line {line}) leads outside the configuration&apos;s folder; a data file outside it is read only when you choose it yourself (on the command line: --data).</source>
        <translation>&lt;{option}&gt; «&#xa0;{value}&#xa0;» (ligne {line}) mène hors du dossier de la configuration&#xa0;; un fichier de données situé hors de ce dossier n&apos;est lu que si vous le choisissez vous-même.</translation>
    </message>
    <message>
        <source>&lt;{option}&gt; &quot;{value}&quot; leads outside the configuration&apos;s folder; a data file outside it is read only when you choose it yourself (on the command line: --data).</source>
        <translation>&lt;{option}&gt; «&#xa0;{value}&#xa0;» mène hors du dossier de la configuration&#xa0;; un fichier de données situé hors de ce dossier n&apos;est lu que si vous le choisissez vous-même.</translation>
    </message>
    <message>
        <source>&lt;{option}&gt; &quot;{value}&quot; (line {line}) leads outside the configuration&apos;s folder through a link; a data file outside it is read only when you choose it yourself (on the command line: --data).</source>
        <translation>&lt;{option}&gt; «&#xa0;{value}&#xa0;» (ligne {line}) mène hors du dossier de la configuration par un lien&#xa0;; un fichier de données situé hors de ce dossier n&apos;est lu que si vous le choisissez vous-même.</translation>
    </message>
    <message>
        <source>&lt;{option}&gt; &quot;{value}&quot; leads outside the configuration&apos;s folder through a link; a data file outside it is read only when you choose it yourself (on the command line: --data).</source>
        <translation>&lt;{option}&gt; «&#xa0;{value}&#xa0;» mène hors du dossier de la configuration par un lien&#xa0;; un fichier de données situé hors de ce dossier n&apos;est lu que si vous le choisissez vous-même.</translation>
    </message>
    <message>
        <source>&lt;{option}&gt; &quot;{value}&quot; (line {line}) leads outside the configuration&apos;s folder; the error log is written in a folder inside it.</source>
        <translation>&lt;{option}&gt; «&#xa0;{value}&#xa0;» (ligne {line}) mène hors du dossier de la configuration&#xa0;; le journal d&apos;erreurs s&apos;écrit dans un dossier à l&apos;intérieur de celui-ci.</translation>
    </message>
    <message>
        <source>&lt;{option}&gt; &quot;{value}&quot; leads outside the configuration&apos;s folder; the error log is written in a folder inside it.</source>
        <translation>&lt;{option}&gt; «&#xa0;{value}&#xa0;» mène hors du dossier de la configuration&#xa0;; le journal d&apos;erreurs s&apos;écrit dans un dossier à l&apos;intérieur de celui-ci.</translation>
    </message>
    <message>
        <source>&lt;{option}&gt; &quot;{value}&quot; (line {line}) leads outside the configuration&apos;s folder through a link; the error log is written in a folder inside it.</source>
        <translation>&lt;{option}&gt; «&#xa0;{value}&#xa0;» (ligne {line}) mène hors du dossier de la configuration par un lien&#xa0;; le journal d&apos;erreurs s&apos;écrit dans un dossier à l&apos;intérieur de celui-ci.</translation>
    </message>
    <message>
        <source>&lt;{option}&gt; &quot;{value}&quot; leads outside the configuration&apos;s folder through a link; the error log is written in a folder inside it.</source>
        <translation>&lt;{option}&gt; «&#xa0;{value}&#xa0;» mène hors du dossier de la configuration par un lien&#xa0;; le journal d&apos;erreurs s&apos;écrit dans un dossier à l&apos;intérieur de celui-ci.</translation>
    </message>
    <message>
        <source>The code &quot;{code}&quot; of {field} means both &lt;{first}&gt;{first_at} and &lt;{second}&gt;{second_at}; a code must mean one thing.</source>
        <translation>Le code «&#xa0;{code}&#xa0;» de {field} signifie à la fois &lt;{first}&gt;{first_at} et &lt;{second}&gt;{second_at}&#xa0;; un code ne doit avoir qu&apos;un sens.</translation>
    </message>
    <message>
        <source>The code &quot;{code}&quot; of {field} means both &lt;{first}&gt; (line {first_line}) and &lt;{second}&gt; (line {second_line}); a code must mean one thing.</source>
        <translation>Le code «&#xa0;{code}&#xa0;» de {field} signifie à la fois &lt;{first}&gt; (ligne {first_line}) et &lt;{second}&gt; (ligne {second_line})&#xa0;; un code ne doit avoir qu&apos;un sens.</translation>
    </message>
    <message>
        <source>The code &quot;{code}&quot; of {field} means both &lt;{first}&gt; (its default code) and &lt;{second}&gt; (line {second_line}); a code must mean one thing.</source>
        <translation>Le code «&#xa0;{code}&#xa0;» de {field} signifie à la fois &lt;{first}&gt; (son code par défaut) et &lt;{second}&gt; (ligne {second_line})&#xa0;; un code ne doit avoir qu&apos;un sens.</translation>
    </message>
    <message>
        <source>The code &quot;{code}&quot; of {field} means both &lt;{first}&gt; (line {first_line}) and &lt;{second}&gt; (its default code); a code must mean one thing.</source>
        <translation>Le code «&#xa0;{code}&#xa0;» de {field} signifie à la fois &lt;{first}&gt; (ligne {first_line}) et &lt;{second}&gt; (son code par défaut)&#xa0;; un code ne doit avoir qu&apos;un sens.</translation>
    </message>
    <message>
        <source>The code &quot;{code}&quot; of {field} means both &lt;{first}&gt; (its default code) and &lt;{second}&gt;; a code must mean one thing.</source>
        <translation>Le code «&#xa0;{code}&#xa0;» de {field} signifie à la fois &lt;{first}&gt; (son code par défaut) et &lt;{second}&gt;&#xa0;; un code ne doit avoir qu&apos;un sens.</translation>
    </message>
    <message>
        <source>The code &quot;{code}&quot; of {field} means both &lt;{first}&gt; and &lt;{second}&gt; (its default code); a code must mean one thing.</source>
        <translation>Le code «&#xa0;{code}&#xa0;» de {field} signifie à la fois &lt;{first}&gt; et &lt;{second}&gt; (son code par défaut)&#xa0;; un code ne doit avoir qu&apos;un sens.</translation>
    </message>
    <message>
        <source>The configuration file does not exist.</source>
        <translation>Le fichier de configuration n&apos;existe pas.</translation>
    </message>
    <message>
        <source>This is a folder, not a configuration file.</source>
        <translation>C&apos;est un dossier, pas un fichier de configuration.</translation>
    </message>
    <message>
        <source>The configuration file cannot be read: {reason}.</source>
        <translation>Le fichier de configuration ne peut pas être lu&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>The configuration cannot be written: {reason}.</source>
        <translation>La configuration ne peut pas être écrite&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>The configuration cannot be written: {value} holds a character XML cannot hold ({characters}); rename the file or change the value that holds it.</source>
        <translation>La configuration ne peut pas être écrite&#xa0;: {value} contient un caractère que XML ne peut pas contenir ({characters})&#xa0;; renommez le fichier ou changez la valeur qui le contient.</translation>
    </message>
    <message>
        <source>The configuration was not saved: {reason}</source>
        <translation>La configuration n&apos;a pas été enregistrée&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>The configuration could not be saved: {reason}.</source>
        <translation>La configuration n&apos;a pas pu être enregistrée&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>This is a pipe or a device, not a configuration file.</source>
        <translation>C&apos;est un tube ou un périphérique, pas un fichier de configuration.</translation>
    </message>
    <message>
        <source>The configuration holds a &lt;!DOCTYPE&gt; declaration; DTDs and entities are refused for safety, a configuration needs none.</source>
        <translation>La configuration contient une déclaration &lt;!DOCTYPE&gt;&#xa0;; les DTD et les entités sont refusées par sécurité, une configuration n&apos;en a pas besoin.</translation>
    </message>
    <message>
        <source>The configuration is too large ({size} MB); the limit is {limit} MB.</source>
        <translation>La configuration est trop volumineuse ({size} Mo)&#xa0;; la limite est de {limit} Mo.</translation>
    </message>
    <message>
        <source>The configuration is nested more than {depth} levels deep (line {line}).</source>
        <translation>La configuration a plus de {depth} niveaux d&apos;imbrication (ligne {line}).</translation>
    </message>
    <message>
        <source>A preserved element is not well-formed XML: {detail}.</source>
        <translation>Un élément conservé n&apos;est pas du XML bien formé (message du lecteur XML, en anglais&#xa0;: {detail}).</translation>
    </message>
    <message>
        <source>The configuration is not well-formed XML: {detail}.</source>
        <translation>La configuration n&apos;est pas du XML bien formé (message du lecteur XML, en anglais&#xa0;: {detail}).</translation>
    </message>
    <message>
        <source>The configuration is not well-formed XML (line {line}): {detail}.</source>
        <translation>La configuration n&apos;est pas du XML bien formé, ligne {line} (message du lecteur XML, en anglais&#xa0;: {detail}).</translation>
    </message>
    <message>
        <source>The configuration is not well-formed XML (line {line}): {detail}; did you mean &quot;{hint}&quot;?</source>
        <translation>La configuration n&apos;est pas du XML bien formé, ligne {line} (message du lecteur XML, en anglais&#xa0;: {detail})&#xa0;; vouliez-vous dire «&#xa0;{hint}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>The configuration declares an encoding that cannot be read: {detail}.</source>
        <translation>La configuration déclare un encodage qui ne peut pas être lu (message du lecteur XML, en anglais&#xa0;: {detail}).</translation>
    </message>
    <message>
        <source>The configuration declares an encoding that cannot be read (line {line}): {detail}.</source>
        <translation>La configuration déclare un encodage qui ne peut pas être lu, ligne {line} (message du lecteur XML, en anglais&#xa0;: {detail}).</translation>
    </message>
    <message>
        <source>The configuration holds bytes that are not valid {encoding} text: {detail}.</source>
        <translation>La configuration contient des octets qui ne sont pas valides en {encoding} (message du lecteur XML, en anglais&#xa0;: {detail}).</translation>
    </message>
    <message>
        <source>The configuration holds bytes that are not valid {encoding} text (line {line}): {detail}.</source>
        <translation>La configuration contient des octets qui ne sont pas valides en {encoding}, ligne {line} (message du lecteur XML, en anglais&#xa0;: {detail}).</translation>
    </message>
    <message>
        <source>A preserved element holds a &lt;!DOCTYPE&gt; declaration.</source>
        <translation>Un élément conservé contient une déclaration &lt;!DOCTYPE&gt;.</translation>
    </message>
    <message>
        <source>The configuration is empty.</source>
        <translation>La configuration est vide.</translation>
    </message>
    <message>
        <source>{path}: a corrected copy cannot replace the file it is made from; choose another name.</source>
        <translation>{path}&#xa0;: une copie corrigée ne peut pas remplacer le fichier dont elle est faite&#xa0;; choisissez un autre nom.</translation>
    </message>
    <message>
        <source>{path}: cannot be read again to copy it ({reason})</source>
        <translation>{path}&#xa0;: impossible de le relire pour le copier ({reason})</translation>
    </message>
    <message>
        <source>{path} is read-only: nothing was written; choose another name, or make it writable first.</source>
        <translation>{path} est en lecture seule&#xa0;: rien n&apos;a été écrit&#xa0;; choisissez un autre nom, ou rendez-le modifiable d&apos;abord.</translation>
    </message>
    <message>
        <source>{path}: the sheet {name} is gone.</source>
        <translation>{path}&#xa0;: la feuille {name} a disparu.</translation>
    </message>
    <message>
        <source>{path}: line {line}, column {column} ({name}): a cell cannot hold a NUL character (\x00), which neither the platform nor the store can keep; the cell was not changed.</source>
        <translation>{path}&#xa0;: ligne {line}, colonne {column} ({name})&#xa0;: une cellule ne peut pas contenir de caractère NUL (\x00), que ni la plateforme ni la base ne peuvent garder&#xa0;; la cellule n&apos;a pas été modifiée.</translation>
    </message>
    <message>
        <source>{path} changed since it was checked: line {line} no longer holds the row corrected there. Nothing was written; press Check again.</source>
        <translation>{path} a été modifié depuis la vérification&#xa0;: la ligne {line} n&apos;est plus celle qui a été corrigée. Rien n&apos;a été écrit&#xa0;; cliquez sur Vérifier à nouveau.</translation>
    </message>
    <message>
        <source>{path}: line {line}, column {column} ({name}): {characters} cannot be written in a workbook. Nothing was written; change those characters in the cell, then save the copy again.</source>
        <translation>{path}&#xa0;: ligne {line}, colonne {column} ({name})&#xa0;: impossible d&apos;écrire {characters} dans un classeur. Rien n&apos;a été écrit&#xa0;; changez ces caractères dans la cellule, puis enregistrez à nouveau la copie.</translation>
    </message>
    <message>
        <source>{path}: line {line}, column {column} ({name}): {characters} cannot be written in {encoding}, the file&apos;s encoding. Nothing was written; change those characters in the cell, then save the copy again.</source>
        <translation>{path}&#xa0;: ligne {line}, colonne {column} ({name})&#xa0;: impossible d&apos;écrire {characters} en {encoding}, l&apos;encodage du fichier. Rien n&apos;a été écrit&#xa0;; changez ces caractères dans la cellule, puis enregistrez à nouveau la copie.</translation>
    </message>
    <message>
        <source>there is not enough memory to read the file</source>
        <translation>la mémoire ne suffit pas pour lire le fichier</translation>
    </message>
    <message>
        <source>{file}: the teachers&apos; import is Import Assistant&apos;s own (the platform has no import for its back-office users); it is left out of the package.</source>
        <translation>{file}&#xa0;: l&apos;import des formateurs est propre à Import Assistant (la plateforme n&apos;a pas d&apos;import pour ses utilisateurs du back-office)&#xa0;; il est laissé hors du paquet.</translation>
    </message>
    <message>
        <source>{characters} cannot be written in {encoding}, the file&apos;s declared encoding; the row is left out of the package. Change those characters in it.</source>
        <translation>Impossible d&apos;écrire {characters} en {encoding}, l&apos;encodage déclaré du fichier&#xa0;; la ligne est laissée hors du paquet. Changez ces caractères dans la ligne.</translation>
    </message>
    <message>
        <source>The package&apos;s configuration would not be valid: {problem}</source>
        <translation>La configuration du paquet ne serait pas valide&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>the file changed since it was checked; package it again.</source>
        <translation>le fichier a changé depuis sa vérification&#xa0;; empaquetez-le à nouveau.</translation>
    </message>
    <message>
        <source>Nothing to package: the configuration imports teachers only.</source>
        <translation>Rien à empaqueter&#xa0;: la configuration n&apos;importe que des formateurs.</translation>
    </message>
    <message>
        <source>Nothing to package: every row has errors ({count} left out), and a package without rows would import nothing on the platform. Nothing was written; correct the rows, then package again.</source>
        <translation>Rien à empaqueter&#xa0;: toutes les lignes ont des erreurs ({count} laissées hors du paquet), et un paquet sans lignes n&apos;importerait rien sur la plateforme. Rien n&apos;a été écrit&#xa0;; corrigez les lignes, puis empaquetez à nouveau.</translation>
    </message>
    <message>
        <source>Nothing to package: the files hold no rows, and a package without rows would import nothing on the platform. Nothing was written.</source>
        <translation>Rien à empaqueter&#xa0;: les fichiers ne contiennent aucune ligne, et un paquet sans lignes n&apos;importerait rien sur la plateforme. Rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>The package folder {path} cannot be created: {reason}.</source>
        <translation>Le dossier du paquet {path} ne peut pas être créé&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>{path}: a folder&apos;s name cannot hold a NUL character (\x00); give the folder again.</source>
        <translation>{path}&#xa0;: le nom d&apos;un dossier ne peut pas contenir de caractère NUL (\x00)&#xa0;; indiquez à nouveau le dossier.</translation>
    </message>
    <message>
        <source>{path} is a file, not a folder: choose a folder to write the package in.</source>
        <translation>{path} est un fichier, pas un dossier&#xa0;: choisissez un dossier où écrire le paquet.</translation>
    </message>
    <message>
        <source>{path}: the package could not be written: {reason}. Nothing of it was left in {folder}, which holds what it held before.</source>
        <translation>{path}&#xa0;: le paquet n&apos;a pas pu être écrit&#xa0;: {reason}. Il n&apos;en reste rien dans {folder}, qui contient ce qu&apos;il contenait avant.</translation>
    </message>
    <message>
        <source>{path}: the package could not be written: {reason}. Nothing of it was left: the folder {folder}, made for it, was removed.</source>
        <translation>{path}&#xa0;: le paquet n&apos;a pas pu être écrit&#xa0;: {reason}. Il n&apos;en reste rien&#xa0;: le dossier {folder}, créé pour lui, a été supprimé.</translation>
    </message>
    <message>
        <source>{path}: the package could not be written: {reason}. The files it replaced in {folder} could not all be put back; they are kept there as {names}.</source>
        <translation>{path}&#xa0;: le paquet n&apos;a pas pu être écrit&#xa0;: {reason}. Les fichiers qu&apos;il a remplacés dans {folder} n&apos;ont pas tous pu être remis en place&#xa0;; ils y sont gardés sous les noms {names}.</translation>
    </message>
    <message>
        <source>The package cannot be written in {path}: that folder holds the files it is made from ({names}), which a package must never replace. Nothing was written; choose an empty folder, or a new one.</source>
        <translation>Le paquet ne peut pas être écrit dans {path}&#xa0;: ce dossier contient les fichiers dont il est fait ({names}), qu&apos;un paquet ne doit jamais remplacer. Rien n&apos;a été écrit&#xa0;; choisissez un dossier vide, ou un nouveau dossier.</translation>
    </message>
    <message>
        <source>The package cannot be written in {path}: its file {name} there is {source}, which the package is made from and would replace. Nothing was written; choose an empty folder, or a new one.</source>
        <translation>Le paquet ne peut pas être écrit dans {path}&#xa0;: son fichier {name} y est {source}, dont le paquet est fait et qu&apos;il remplacerait. Rien n&apos;a été écrit&#xa0;; choisissez un dossier vide, ou un nouveau dossier.</translation>
    </message>
    <message>
        <source>The package cannot be written in {path}: that folder already holds {names} and is not an earlier package of this configuration (a package goes in an empty folder, or replaces an earlier one). Nothing was written; choose an empty folder, or a new one.</source>
        <translation>Le paquet ne peut pas être écrit dans {path}&#xa0;: ce dossier contient déjà {names} et n&apos;est pas un paquet précédent de cette configuration (un paquet va dans un dossier vide, ou remplace un paquet précédent). Rien n&apos;a été écrit&#xa0;; choisissez un dossier vide, ou un nouveau dossier.</translation>
    </message>
    <message>
        <source>The package cannot be written in {path}: that folder holds an earlier package of this configuration whose {names} this one would not replace (the files it is made from have other names now). Nothing was written; remove those files from it, or choose an empty folder, or a new one.</source>
        <translation>Le paquet ne peut pas être écrit dans {path}&#xa0;: ce dossier contient un paquet précédent de cette configuration, dont celui-ci ne remplacerait pas {names} (les fichiers dont il est fait ont maintenant d&apos;autres noms). Rien n&apos;a été écrit&#xa0;; retirez ces fichiers du dossier, ou choisissez un dossier vide, ou un nouveau dossier.</translation>
    </message>
    <message>
        <source>The package cannot be written in {path}: it would replace {names} there, not written by an earlier package or changed since. Nothing was written; choose an empty folder, or a new one.</source>
        <translation>Le paquet ne peut pas être écrit dans {path}&#xa0;: il y remplacerait {names}, dont le contenu n&apos;est pas celui qu&apos;un paquet précédent a écrit. Rien n&apos;a été écrit&#xa0;; choisissez un dossier vide, ou un nouveau dossier.</translation>
    </message>
    <message>
        <source>{path} has no corrections.</source>
        <translation>{path} n&apos;a aucune correction.</translation>
    </message>
    <message>
        <source>{url} is not an SFTP address of the form {form} (a password is asked for, never written in it).</source>
        <translation>{url} n&apos;est pas une adresse SFTP de la forme {form} (le mot de passe est demandé, jamais écrit dans l&apos;adresse).</translation>
    </message>
    <message>
        <source>The accepted host key could not be added to {path}: {reason}.</source>
        <translation>La clé d&apos;hôte acceptée n&apos;a pas pu être ajoutée à {path}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Sending to {target} failed: {reason}; files already sent are complete, the others were not sent.</source>
        <translation>L&apos;envoi vers {target} a échoué&#xa0;: {reason}&#xa0;; les fichiers déjà envoyés sont complets, les autres n&apos;ont pas été envoyés.</translation>
    </message>
    <message>
        <source>Sending {name} to {target} failed: {reason}; files already sent are complete, the others were not sent.</source>
        <translation>L&apos;envoi de {name} vers {target} a échoué&#xa0;: {reason}&#xa0;; les fichiers déjà envoyés sont complets, les autres n&apos;ont pas été envoyés.</translation>
    </message>
    <message>
        <source>Sending {name} to {target} failed: {reason}; it may be left there as {leftover}, which a later send removes; files already sent are complete, the others were not sent.</source>
        <translation>L&apos;envoi de {name} vers {target} a échoué&#xa0;: {reason}&#xa0;; il est peut-être resté là-bas sous le nom {leftover}, qu&apos;un prochain envoi supprime&#xa0;; les fichiers déjà envoyés sont complets, les autres n&apos;ont pas été envoyés.</translation>
    </message>
    <message>
        <source>Sending {name} to {target} failed: {reason}; the earlier {name} may be left there as {aside}: rename it back to keep it, a later send removes it; files already sent are complete, the others were not sent.</source>
        <translation>L&apos;envoi de {name} vers {target} a échoué&#xa0;: {reason}&#xa0;; l&apos;ancien {name} est peut-être resté là-bas sous le nom {aside}&#xa0;: rendez-lui son nom pour le garder, un prochain envoi le supprime&#xa0;; les fichiers déjà envoyés sont complets, les autres n&apos;ont pas été envoyés.</translation>
    </message>
    <message>
        <source>Sending {name} to {target} failed: {reason}; it may be left there as {leftover}, and the earlier {name} as {aside}: rename that back to keep it, a later send removes both; files already sent are complete, the others were not sent.</source>
        <translation>L&apos;envoi de {name} vers {target} a échoué&#xa0;: {reason}&#xa0;; il est peut-être resté là-bas sous le nom {leftover}, et l&apos;ancien {name} sous le nom {aside}&#xa0;: rendez à ce dernier son nom pour le garder, un prochain envoi supprime les deux&#xa0;; les fichiers déjà envoyés sont complets, les autres n&apos;ont pas été envoyés.</translation>
    </message>
    <message>
        <source>{host} refused {user}&apos;s key and password.</source>
        <translation>{host} a refusé la clé et le mot de passe de {user}.</translation>
    </message>
    <message>
        <source>Cannot connect to {host} port {port}: {reason}.</source>
        <translation>Impossible de se connecter à {host} port {port}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Your known hosts ({path}) cannot be read: {reason}.</source>
        <translation>Vos hôtes connus ({path}) ne peuvent pas être lus&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>The host key of {host} is not in your known hosts ({key_type} {fingerprint}); connect once with ssh to check and accept it, then send again.</source>
        <translation>La clé d&apos;hôte de {host} n&apos;est pas dans vos hôtes connus ({key_type} {fingerprint})&#xa0;; connectez-vous une fois avec ssh pour la vérifier et l&apos;accepter, puis envoyez à nouveau.</translation>
    </message>
    <message>
        <source>The host key of {host} has changed ({key_type} {fingerprint}, expected {expected}); refused: someone may be posing as the server. If your platform&apos;s administrators confirm the new key, delete line {lines} of {path}, then send again.</source>
        <translation>La clé d&apos;hôte de {host} a changé ({key_type} {fingerprint}, {expected} attendue)&#xa0;; refusée&#xa0;: quelqu&apos;un se fait peut-être passer pour le serveur. Si les administrateurs de votre plateforme confirment la nouvelle clé, supprimez la ligne {lines} de {path}, puis envoyez à nouveau.</translation>
    </message>
    <message>
        <source>The host key of {host} has changed ({key_type} {fingerprint}, expected {expected}); refused: someone may be posing as the server. If your platform&apos;s administrators confirm the new key, delete lines {lines} of {path}, then send again.</source>
        <translation>La clé d&apos;hôte de {host} a changé ({key_type} {fingerprint}, {expected} attendue)&#xa0;; refusée&#xa0;: quelqu&apos;un se fait peut-être passer pour le serveur. Si les administrateurs de votre plateforme confirment la nouvelle clé, supprimez les lignes {lines} de {path}, puis envoyez à nouveau.</translation>
    </message>
    <message>
        <source>The host key of {host} ({key_type} {fingerprint}) is marked revoked in your known hosts ({path}); refused: someone may be posing as the server.</source>
        <translation>La clé d&apos;hôte de {host} ({key_type} {fingerprint}) est marquée révoquée dans vos hôtes connus ({path})&#xa0;; refusée&#xa0;: quelqu&apos;un se fait peut-être passer pour le serveur.</translation>
    </message>
    <message>
        <source>{host} refused {user}&apos;s key, and no password was given.</source>
        <translation>{host} a refusé la clé de {user}, et aucun mot de passe n&apos;a été donné.</translation>
    </message>
    <message>
        <source>No key to log in to {host} with (none in the SSH agent or ~/.ssh), and no password was given; name a key file.</source>
        <translation>Aucune clé pour se connecter à {host} (ni dans l&apos;agent SSH ni dans ~/.ssh), et aucun mot de passe n&apos;a été donné&#xa0;; indiquez un fichier de clé.</translation>
    </message>
    <message>
        <source>The key file {path} cannot be read: {reason}.</source>
        <translation>Le fichier de clé {path} ne peut pas être lu&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>The key file {path} holds no private key (choose the private key file, not the .pub beside it).</source>
        <translation>Le fichier de clé {path} ne contient aucune clé privée (choisissez le fichier de la clé privée, pas le .pub à côté).</translation>
    </message>
    <message>
        <source>The key file {path} is protected by a passphrase: add it to your SSH agent (ssh-add) to send with it.</source>
        <translation>Le fichier de clé {path} est protégé par une phrase de passe&#xa0;: ajoutez-le à votre agent SSH (ssh-add) pour envoyer avec cette clé.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist on {host}; nothing was sent.</source>
        <translation>Le dossier {folder} n&apos;existe pas sur {host}&#xa0;; rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>{folder} on {host} is a file, not a folder; nothing was sent.</source>
        <translation>{folder} sur {host} est un fichier, pas un dossier&#xa0;; rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>{host} refused access to the folder {folder}: {reason}; nothing was sent.</source>
        <translation>{host} a refusé l&apos;accès au dossier {folder}&#xa0;: {reason}&#xa0;; rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>pas de réponse à temps</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>le serveur a fermé la connexion</translation>
    </message>
    <message>
        <source>the server refused it without saying why (is its disk full, or a folder of that name in the way?)</source>
        <translation>le serveur l&apos;a refusé sans dire pourquoi (son disque est-il plein, ou un dossier de ce nom est-il en travers&#xa0;?)</translation>
    </message>
    <message>
        <source>Field {end_field}: the session ends on {end}, before it starts on {start} ({start_field}); check the two dates.</source>
        <translation>Champ {end_field}&#xa0;: la session finit le {end}, avant de commencer le {start} ({start_field})&#xa0;; vérifiez les deux dates.</translation>
    </message>
    <message>
        <source>the file starts with UTF-8&apos;s byte order mark</source>
        <translation>le fichier commence par la marque d&apos;ordre des octets UTF-8</translation>
    </message>
    <message>
        <source>every other byte is zero: UTF-16 little-endian</source>
        <translation>un octet sur deux est nul&#xa0;: UTF-16 petit-boutiste</translation>
    </message>
    <message>
        <source>the file holds no accented letter: any encoding reads it alike</source>
        <translation>le fichier ne contient aucune lettre accentuée&#xa0;: tous les encodages le lisent de la même façon</translation>
    </message>
    <message>
        <source>its accented letters are valid UTF-8</source>
        <translation>ses lettres accentuées sont de l&apos;UTF-8 valide</translation>
    </message>
    <message>
        <source>it is not UTF-8, and holds characters such as € or ’ that only Windows-1252 has</source>
        <translation>ce n&apos;est pas de l&apos;UTF-8, et il contient des caractères comme € ou ’ que seul Windows-1252 possède</translation>
    </message>
    <message>
        <source>it is not UTF-8; its accented letters read as ISO-8859-1 (Latin-1)</source>
        <translation>ce n&apos;est pas de l&apos;UTF-8&#xa0;; ses lettres accentuées se lisent en ISO-8859-1 (Latin-1)</translation>
    </message>
    <message>
        <source>no delimiter appears on every line: one column</source>
        <translation>aucun séparateur n&apos;apparaît sur chaque ligne&#xa0;: une seule colonne</translation>
    </message>
    <message>
        <source>every line has {count} &quot;{char}&quot;</source>
        <translation>chaque ligne contient {count} «&#xa0;{char}&#xa0;»</translation>
    </message>
    <message>
        <source>every line has {count} tab</source>
        <translation>chaque ligne contient {count} tabulation</translation>
    </message>
    <message>
        <source>every line has {count} tabs</source>
        <translation>chaque ligne contient {count} tabulations</translation>
    </message>
    <message>
        <source>&quot;{char}&quot; splits the lines most evenly</source>
        <translation>«&#xa0;{char}&#xa0;» découpe les lignes de la façon la plus régulière</translation>
    </message>
    <message>
        <source>tab splits the lines most evenly</source>
        <translation>la tabulation découpe les lignes de la façon la plus régulière</translation>
    </message>
    <message>
        <source>a workbook&apos;s cells carry their own characters</source>
        <translation>les cellules d&apos;un classeur portent leurs propres caractères</translation>
    </message>
    <message>
        <source>a workbook has no delimiter</source>
        <translation>un classeur n&apos;a pas de séparateur</translation>
    </message>
    <message>
        <source>the first line is empty</source>
        <translation>la première ligne est vide</translation>
    </message>
    <message>
        <source>{count} cell of the first line names a field</source>
        <translation>{count} cellule de la première ligne nomme un champ</translation>
    </message>
    <message>
        <source>{count} cells of the first line name fields</source>
        <translation>{count} cellules de la première ligne nomment des champs</translation>
    </message>
    <message>
        <source>the first line holds an e-mail address, {value}, which no header is</source>
        <translation>la première ligne contient une adresse électronique, {value}, ce qu&apos;aucun en-tête n&apos;est</translation>
    </message>
    <message>
        <source>the first line holds numbers or dates, as data does</source>
        <translation>la première ligne contient des nombres ou des dates, comme les données</translation>
    </message>
    <message>
        <source>the first line is text where the next lines hold numbers or dates</source>
        <translation>la première ligne est du texte là où les lignes suivantes contiennent des nombres ou des dates</translation>
    </message>
    <message>
        <source>nothing tells; files usually start with their headers</source>
        <translation>rien ne l&apos;indique&#xa0;; les fichiers commencent d&apos;ordinaire par leurs en-têtes</translation>
    </message>
    <message>
        <source>nothing tells; files usually start with their headers: the first line ({cells}) is not imported</source>
        <translation>rien ne l&apos;indique&#xa0;; les fichiers commencent d&apos;ordinaire par leurs en-têtes&#xa0;: la première ligne ({cells}) n&apos;est pas importée</translation>
    </message>
    <message>
        <source>the first line holds values like the lines below: {value} is an e-mail address</source>
        <translation>la première ligne contient des valeurs comme les lignes suivantes&#xa0;: {value} est une adresse électronique</translation>
    </message>
    <message>
        <source>the first line holds values like the lines below: {value} is a date</source>
        <translation>la première ligne contient des valeurs comme les lignes suivantes&#xa0;: {value} est une date</translation>
    </message>
    <message>
        <source>the first line holds values like the lines below: {value} is a number</source>
        <translation>la première ligne contient des valeurs comme les lignes suivantes&#xa0;: {value} est un nombre</translation>
    </message>
    <message>
        <source>no usual format reads {value}</source>
        <translation>aucun format usuel ne lit {value}</translation>
    </message>
    <message>
        <source>the file holds no date as text</source>
        <translation>le fichier ne contient aucune date sous forme de texte</translation>
    </message>
    <message>
        <source>it reads {read} of {total} dates; not {unread}</source>
        <translation>il lit {read} dates sur {total}&#xa0;; pas {unread}</translation>
    </message>
    <message>
        <source>{value} can only be {format}</source>
        <translation>{value} ne peut être que {format}</translation>
    </message>
    <message>
        <source>every date reads as {format}</source>
        <translation>toutes les dates se lisent comme {format}</translation>
    </message>
    <message>
        <source>every date reads as {format} or {other}; {format} was chosen</source>
        <translation>toutes les dates se lisent comme {format} ou {other}&#xa0;; {format} a été choisi</translation>
    </message>
    <message>
        <source>{action} has no field read in the date format</source>
        <translation>{action} n&apos;a aucun champ lu au format de date</translation>
    </message>
    <message>
        <source>{named} of {headers} headers name its fields</source>
        <translation>{named} en-têtes sur {headers} nomment ses champs</translation>
    </message>
    <message>
        <source>{reason}, as many as {other}&apos;s; give --action to choose</source>
        <translation>{reason}, autant que {other}&#xa0;; choisissez avec --action</translation>
    </message>
    <message>
        <source>{file}: line {line} holds bytes that ISO-8859-1 reads as invisible control characters: the file looks like Windows-1252 (where they are ’, –, € and the like); set &lt;fileEncoding&gt; to WINDOWS-1252.</source>
        <translation>{file}&#xa0;: la ligne {line} contient des octets qu&apos;ISO-8859-1 lit comme des caractères de contrôle invisibles&#xa0;: le fichier semble être en Windows-1252 (où ce sont ’, –, € et autres)&#xa0;; indiquez WINDOWS-1252 dans &lt;fileEncoding&gt;.</translation>
    </message>
    <message>
        <source>the header of column {column} ({header}) holds a character XML cannot hold ({characters}), so no configuration can name it; delete that character from the file&apos;s header and {retry}</source>
        <translation>l&apos;en-tête de la colonne {column} ({header}) contient un caractère que XML ne peut pas contenir ({characters})&#xa0;: aucune configuration ne peut la nommer&#xa0;; supprimez ce caractère de l&apos;en-tête du fichier et {retry}</translation>
    </message>
    <message>
        <source>run init again</source>
        <translation>relancez init</translation>
    </message>
    <message>
        <source>open the file again</source>
        <translation>rouvrez le fichier</translation>
    </message>
    <message>
        <source>{file}: its dates are not in the date format {current}: they read as {fix} ({reason}); set &lt;dateFormat&gt;{fix}&lt;/dateFormat&gt;.</source>
        <translation>{file}&#xa0;: ses dates ne sont pas au format {current}&#xa0;: elles se lisent comme {fix} ({reason})&#xa0;; indiquez &lt;dateFormat&gt;{fix}&lt;/dateFormat&gt;.</translation>
    </message>
    <message>
        <source>{file} has no column {columns}: the configuration maps it by header; map the file again in the wizard, or give the file that header.</source>
        <translation>{file} n&apos;a pas de colonne {columns}&#xa0;: la configuration l&apos;associe par son en-tête&#xa0;; refaites la correspondance du fichier dans l&apos;assistant, ou donnez cet en-tête au fichier.</translation>
    </message>
    <message>
        <source>{file} has no columns {columns}: the configuration maps them by header; map the file again in the wizard, or give the file those headers.</source>
        <translation>{file} n&apos;a pas de colonnes {columns}&#xa0;: la configuration les associe par leur en-tête&#xa0;; refaites la correspondance du fichier dans l&apos;assistant, ou donnez ces en-têtes au fichier.</translation>
    </message>
    <message>
        <source>{file}: the column {columns} is not in the configuration&apos;s mapping and skipped.</source>
        <translation>{file}&#xa0;: la colonne {columns} ne figure pas dans la correspondance de la configuration et est ignorée.</translation>
    </message>
    <message>
        <source>{file}: the columns {columns} are not in the configuration&apos;s mapping and skipped.</source>
        <translation>{file}&#xa0;: les colonnes {columns} ne figurent pas dans la correspondance de la configuration et sont ignorées.</translation>
    </message>
    <message>
        <source>line 1 names the fields {named}, none of which this import maps (it maps {mapped}): is this the file of this import?</source>
        <translation>la ligne 1 nomme les champs {named}, dont aucun n&apos;est associé par cet import (il associe {mapped})&#xa0;: est-ce bien le fichier de cet import&#xa0;?</translation>
    </message>
    <message>
        <source>{file}: line 1 names {named}, where the configuration maps {mapped}; the columns are read by position, as the platform reads them.</source>
        <translation>{file}&#xa0;: la ligne 1 nomme {named}, là où la configuration associe {mapped}&#xa0;; les colonnes sont lues par position, comme la plateforme les lit.</translation>
    </message>
    <message>
        <source>Nothing was refreshed: the store already holds what the exports hold; no run was recorded.</source>
        <translation>Rien n&apos;a été actualisé&#xa0;: la base contient déjà ce que contiennent les exports&#xa0;; aucune exécution n&apos;a été enregistrée.</translation>
    </message>
    <message>
        <source>line 1 names the columns of the &lt;{other}&gt; export, not those of &lt;{provider}&gt;: give this file for the &lt;{other}&gt; export.</source>
        <translation>la ligne 1 nomme les colonnes de l&apos;export &lt;{other}&gt;, pas celles de &lt;{provider}&gt;&#xa0;: donnez ce fichier pour l&apos;export &lt;{other}&gt;.</translation>
    </message>
    <message>
        <source>line 1 names the columns {found}, not those the &lt;{provider}&gt; export writes ({expected}): is this the file it produced?</source>
        <translation>la ligne 1 nomme les colonnes {found}, pas celles qu&apos;écrit l&apos;export &lt;{provider}&gt; ({expected})&#xa0;: est-ce bien le fichier qu&apos;il a produit&#xa0;?</translation>
    </message>
    <message>
        <source>line 1 lacks the columns {missing} of the &lt;{provider}&gt; export; it names {found}.</source>
        <translation>la ligne 1 n&apos;a pas les colonnes {missing} de l&apos;export &lt;{provider}&gt;&#xa0;; elle nomme {found}.</translation>
    </message>
    <message>
        <source>line 1 names a column of the &lt;{provider}&gt; export twice ({found}): which one holds it?</source>
        <translation>la ligne 1 nomme deux fois une colonne de l&apos;export &lt;{provider}&gt; ({found})&#xa0;: laquelle la contient&#xa0;?</translation>
    </message>
    <message>
        <source>Nothing was refreshed: every row has an error or is already in the store; no run was recorded.</source>
        <translation>Rien n&apos;a été actualisé&#xa0;: chaque ligne a une erreur ou est déjà dans la base&#xa0;; aucune exécution n&apos;a été enregistrée.</translation>
    </message>
    <message>
        <source>{file} was last changed on {dated}, before the store&apos;s last refresh (run {run}, on {refreshed}): refreshing from it may put older data back in the store.</source>
        <translation>{file} a été modifié pour la dernière fois le {dated}, avant la dernière actualisation de la base (exécution {run}, le {refreshed})&#xa0;: actualiser depuis celui-ci peut remettre des données plus anciennes dans la base.</translation>
    </message>
    <message>
        <source>the file is no longer there (moved or deleted since it was read): put it back, or give it where it now is, and refresh again.</source>
        <translation>le fichier n&apos;est plus là (déplacé ou supprimé depuis sa lecture)&#xa0;: remettez-le, ou indiquez-le là où il se trouve maintenant, et actualisez à nouveau.</translation>
    </message>
    <message>
        <source>the file changed since it was read; refresh again.</source>
        <translation>le fichier a changé depuis sa lecture&#xa0;; actualisez à nouveau.</translation>
    </message>
    <message>
        <source>A PostgreSQL store needs the psycopg package (pip install &apos;psycopg[binary]&apos;).</source>
        <translation>Une base PostgreSQL a besoin du paquet psycopg (pip install &apos;psycopg[binary]&apos;).</translation>
    </message>
    <message>
        <source>The store {path} does not exist.</source>
        <translation>La base {path} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The store {path} is no longer there: it was moved or deleted since it was opened. File ▸ Open store… opens it where it is now, or another.</source>
        <translation>La base {path} n&apos;est plus là&#xa0;: elle a été déplacée ou supprimée depuis son ouverture. Fichier ▸ Ouvrir une base… l&apos;ouvre là où elle se trouve maintenant, ou en ouvre une autre.</translation>
    </message>
    <message>
        <source>The store {path} is not the one the window had open: another store was put in its place. Nothing was done in it; the window now shows the store that is there (check again before committing).</source>
        <translation>La base {path} n&apos;est pas celle que la fenêtre avait ouverte&#xa0;: une autre base a été mise à sa place. Rien n&apos;y a été fait&#xa0;; la fenêtre montre maintenant la base qui s&apos;y trouve (vérifiez à nouveau avant de valider).</translation>
    </message>
    <message>
        <source>The store {path} could not be opened: {detail}.</source>
        <translation>La base {path} n&apos;a pas pu être ouverte&#xa0;: {detail}.</translation>
    </message>
    <message>
        <source>The store {path} could not be read: {detail}.</source>
        <translation>La base {path} n&apos;a pas pu être lue&#xa0;: {detail}.</translation>
    </message>
    <message>
        <source>The store {path} could not be written: {detail}.</source>
        <translation>La base {path} n&apos;a pas pu être écrite&#xa0;: {detail}.</translation>
    </message>
    <message>
        <source>{path} is empty (0 bytes): it holds no store, and nothing was written to it. If it held your runs, put it back from a copy; to start a new store there, delete the empty file first.</source>
        <translation>{path} est vide (0 octet)&#xa0;: il ne contient aucune base, et rien n&apos;y a été écrit. S&apos;il contenait vos exécutions, remettez-le depuis une copie&#xa0;; pour commencer une nouvelle base à cet endroit, supprimez d&apos;abord le fichier vide.</translation>
    </message>
    <message>
        <source>{path} is not an Import Assistant store.</source>
        <translation>{path} n&apos;est pas une base d&apos;Import Assistant.</translation>
    </message>
    <message>
        <source>{path} is an empty database, not an Import Assistant store: it holds no tables, and nothing was written to it.</source>
        <translation>{path} est une base de données vide, pas une base d&apos;Import Assistant&#xa0;: elle ne contient aucune table, et rien n&apos;y a été écrit.</translation>
    </message>
    <message>
        <source>The store {path} was not opened: {side} beside it is another database&apos;s journal, which SQLite would merge into the store, replacing it. Nothing was changed; move {side} out of this folder, then open the store again.</source>
        <translation>La base {path} n&apos;a pas été ouverte&#xa0;: {side}, à côté d&apos;elle, est le journal d&apos;une autre base, que SQLite fusionnerait dans la base en la remplaçant. Rien n&apos;a été modifié&#xa0;; déplacez {side} hors de ce dossier, puis ouvrez de nouveau la base.</translation>
    </message>
    <message>
        <source>The store {path} was written by a newer version of Import Assistant; please update the program.</source>
        <translation>La base {path} a été écrite par une version plus récente d&apos;Import Assistant&#xa0;; mettez le programme à jour.</translation>
    </message>
    <message>
        <source>The store {path} has an unknown schema version {version}.</source>
        <translation>La base {path} a une version de schéma inconnue, {version}.</translation>
    </message>
    <message>
        <source>The store {path} is closed.</source>
        <translation>La base {path} est fermée.</translation>
    </message>
    <message>
        <source>The store {path} holds a value it cannot read ({detail}).</source>
        <translation>La base {path} contient une valeur illisible ({detail}).</translation>
    </message>
    <message>
        <source>The store {path} is locked by another program; try again when it has finished.</source>
        <translation>La base {path} est verrouillée par un autre programme&#xa0;; réessayez quand il aura terminé.</translation>
    </message>
    <message>
        <source>The store {path} is being written by {who} on {where} since {since}; try again when it has finished.</source>
        <translation>La base {path} est en cours d&apos;écriture par {who} sur {where} depuis {since}&#xa0;; réessayez quand il aura terminé.</translation>
    </message>
    <message>
        <source>The store {path} is being written by {who} since {since}; try again when it has finished.</source>
        <translation>La base {path} est en cours d&apos;écriture par {who} depuis {since}&#xa0;; réessayez quand il aura terminé.</translation>
    </message>
    <message>
        <source>The disk is full, or the store would grow larger than this system allows a file to be: nothing was written to {path}.</source>
        <translation>Le disque est plein, ou la base dépasserait la taille de fichier que ce système autorise&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>The disk holding {folder} is full, or the store would grow larger than this system allows a file to be: the store {path} could not be opened, and nothing was written to it.</source>
        <translation>Le disque qui contient {folder} est plein, ou la base dépasserait la taille de fichier que ce système autorise&#xa0;: la base {path} n&apos;a pas pu être ouverte, et rien n&apos;y a été écrit.</translation>
    </message>
    <message>
        <source>The store {path} is damaged ({detail}).</source>
        <translation>La base {path} est endommagée ({detail}).</translation>
    </message>
    <message>
        <source>The store {path} is read-only: nothing was written.</source>
        <translation>La base {path} est en lecture seule&#xa0;: rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>The store {path} was written by an older version of Import Assistant: it must be upgraded once before it can be read, and it cannot be upgraded where it is (read-only). Copy the file somewhere it can be written and open the copy, or open it once where it can be written.</source>
        <translation>La base {path} a été écrite par une version plus ancienne d&apos;Import Assistant&#xa0;: elle doit être mise à jour une fois avant de pouvoir être lue, et elle ne peut pas l&apos;être là où elle est (en lecture seule). Copiez le fichier à un endroit où l&apos;on peut écrire et ouvrez la copie, ou ouvrez-la une fois là où l&apos;on peut l&apos;écrire.</translation>
    </message>
    <message>
        <source>The store {path} was written by an older version of Import Assistant: it must be upgraded once before it can be read, and this user may only read it. Have it opened once by a user who may write to it.</source>
        <translation>La base {path} a été écrite par une version plus ancienne d&apos;Import Assistant&#xa0;: elle doit être mise à jour une fois avant de pouvoir être lue, et cet utilisateur ne peut que la lire. Faites-la ouvrir une fois par un utilisateur qui peut y écrire.</translation>
    </message>
    <message>
        <source>Nothing was written to {path}: another {kind} already has this {field} ({detail}).</source>
        <translation>Rien n&apos;a été écrit dans {path}&#xa0;: un autre enregistrement {kind} a déjà cette valeur de {field} ({detail}).</translation>
    </message>
    <message>
        <source>Nothing was written to {path}: a change would leave a record referring to one that does not exist ({detail}).</source>
        <translation>Rien n&apos;a été écrit dans {path}&#xa0;: une modification laisserait un enregistrement faire référence à un enregistrement qui n&apos;existe pas ({detail}).</translation>
    </message>
    <message>
        <source>The store {path} holds a reference it cannot follow ({detail}): nothing was written to {target}.</source>
        <translation>La base {path} contient une référence qui ne mène nulle part ({detail})&#xa0;: rien n&apos;a été écrit dans {target}.</translation>
    </message>
    <message>
        <source>The store {path} holds a reference it cannot follow: {subject} refers by its {field} to {kind} {ref}, which the store does not hold; nothing was written to {target}.</source>
        <translation>La base {path} contient une référence qui ne mène nulle part&#xa0;: {subject} fait référence par son champ {field} à l&apos;enregistrement {kind} {ref}, que la base ne contient pas&#xa0;; rien n&apos;a été écrit dans {target}.</translation>
    </message>
    <message>
        <source>Nothing was written to {path}: the store changed since the check, and a change would leave a record referring to one that does not exist ({detail}); check again.</source>
        <translation>Rien n&apos;a été écrit dans {path}&#xa0;: la base a changé depuis la vérification, et une modification laisserait un enregistrement faire référence à un enregistrement qui n&apos;existe pas ({detail})&#xa0;; vérifiez à nouveau.</translation>
    </message>
    <message>
        <source>Nothing was written to {path}: the store changed since the revert was planned, and a change would leave a record referring to one that does not exist ({detail}); try the revert again.</source>
        <translation>Rien n&apos;a été écrit dans {path}&#xa0;: la base a changé depuis l&apos;aperçu de ce qui serait défait, et une modification laisserait un enregistrement faire référence à un enregistrement qui n&apos;existe pas ({detail})&#xa0;; refaites l&apos;aperçu, puis essayez à nouveau.</translation>
    </message>
    <message>
        <source>Nothing was written to {path}: the store refused a change ({detail}).</source>
        <translation>Rien n&apos;a été écrit dans {path}&#xa0;: la base a refusé une modification ({detail}).</translation>
    </message>
    <message>
        <source>The store {path} wants a password ({detail}); give it in ~/.pgpass or PGPASSWORD, or type it when asked.</source>
        <translation>La base {path} demande un mot de passe ({detail})&#xa0;; indiquez-le dans ~/.pgpass ou PGPASSWORD, ou saisissez-le quand il est demandé.</translation>
    </message>
    <message>
        <source>The store {path} refused the password given ({detail}); correct it in ~/.pgpass, PGPASSWORD or the URL, or type it again when asked.</source>
        <translation>La base {path} a refusé le mot de passe donné ({detail})&#xa0;; corrigez-le dans ~/.pgpass, PGPASSWORD ou l&apos;URL, ou saisissez-le à nouveau quand il est demandé.</translation>
    </message>
    <message>
        <source>The server of the store {path} knows no such user ({detail}); correct the user name in the URL, or ask its administrator to create that user.</source>
        <translation>Le serveur de la base {path} ne connaît pas cet utilisateur ({detail})&#xa0;; corrigez le nom d&apos;utilisateur dans l&apos;URL, ou demandez à son administrateur de créer cet utilisateur.</translation>
    </message>
    <message>
        <source>The server of the store {path} does not let this user connect to this database from this computer ({detail}); ask its administrator to let this user in, or check the user and database in the URL.</source>
        <translation>Le serveur de la base {path} ne laisse pas cet utilisateur se connecter à cette base depuis cet ordinateur ({detail})&#xa0;; demandez à son administrateur de l&apos;autoriser, ou vérifiez l&apos;utilisateur et la base dans l&apos;URL.</translation>
    </message>
    <message>
        <source>The store {path} could not be read: this user may read its tables but not their id sequences ({detail}), which a copy reads so that it never gives a deleted record&apos;s id again. Nothing was copied; ask the store&apos;s administrator to grant this user SELECT on its sequences too.</source>
        <translation>La base {path} n&apos;a pas pu être lue&#xa0;: cet utilisateur peut lire ses tables mais pas leurs séquences d&apos;identifiants ({detail}), que la copie lit pour ne jamais redonner l&apos;identifiant d&apos;un enregistrement supprimé. Rien n&apos;a été copié&#xa0;; demandez à l&apos;administrateur de la base d&apos;accorder aussi à cet utilisateur SELECT sur ses séquences.</translation>
    </message>
    <message>
        <source>The store {path} is not empty: nothing was copied (a copy goes into a new or empty store).</source>
        <translation>La base {path} n&apos;est pas vide&#xa0;: rien n&apos;a été copié (une copie va dans une base nouvelle ou vide).</translation>
    </message>
    <message>
        <source>Unknown run kind {kind}: nothing was written.</source>
        <translation>Type d&apos;exécution inconnu {kind}&#xa0;: rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Cannot create the folder {folder} for the store: {reason}.</source>
        <translation>Impossible de créer le dossier {folder} de la base&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a store: name a store file (such as store.sqlite3) inside it.</source>
        <translation>{path} est un dossier, pas une base&#xa0;: indiquez un fichier de base (comme store.sqlite3) à l&apos;intérieur.</translation>
    </message>
    <message>
        <source>{path} is a pipe or a device, not a store.</source>
        <translation>{path} est un tube ou un périphérique, pas une base.</translation>
    </message>
    <message>
        <source>Cannot create the store {path}: the folder {folder} cannot be written to.</source>
        <translation>Impossible de créer la base {path}&#xa0;: le dossier {folder} n&apos;est pas accessible en écriture.</translation>
    </message>
    <message>
        <source>The store {path} holds no run {run}.</source>
        <translation>La base {path} ne contient pas d&apos;exécution {run}.</translation>
    </message>
    <message>
        <source>Run {run} was already reverted by run {other}; revert run {other} to redo it.</source>
        <translation>L&apos;exécution {run} a déjà été défaite par l&apos;exécution {other}&#xa0;; défaites l&apos;exécution {other} pour la refaire.</translation>
    </message>
    <message>
        <source>Nothing was reverted: all {count} record of run {run} changed since or are needed by other records; nothing was written.</source>
        <translation>Rien n&apos;a été défait&#xa0;: l&apos;exécution {run} n&apos;a que {count} enregistrement, qui a changé depuis ou est nécessaire à d&apos;autres enregistrements&#xa0;; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Nothing was reverted: all {count} records of run {run} changed since or are needed by other records; nothing was written.</source>
        <translation>Rien n&apos;a été défait&#xa0;: les {count} enregistrements de l&apos;exécution {run} ont changé depuis ou sont nécessaires à d&apos;autres enregistrements&#xa0;; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Run {later} changed records of run {run} since the revert was planned; try the revert again: nothing was written to {path}.</source>
        <translation>L&apos;exécution {later} a modifié des enregistrements de l&apos;exécution à défaire depuis l&apos;aperçu de ce qui serait défait&#xa0;; essayez à nouveau de défaire l&apos;exécution {run}&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Runs {later} changed records of run {run} since the revert was planned; try the revert again: nothing was written to {path}.</source>
        <translation>Les exécutions {later} ont modifié des enregistrements de l&apos;exécution à défaire depuis l&apos;aperçu de ce qui serait défait&#xa0;; essayez à nouveau de défaire l&apos;exécution {run}&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Nothing was reverted: every record of run {run} is already as it was before the run; nothing was written.</source>
        <translation>Rien n&apos;a été défait&#xa0;: chaque enregistrement de l&apos;exécution {run} est déjà tel qu&apos;il était avant elle&#xa0;; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Nothing was reverted: run {run} changed no record; nothing was written.</source>
        <translation>Rien n&apos;a été défait&#xa0;: l&apos;exécution {run} n&apos;a modifié aucun enregistrement&#xa0;; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>The store {path} holds a value it cannot read in run {run} ({detail}).</source>
        <translation>La base {path} contient une valeur illisible dans l&apos;exécution {run} ({detail}).</translation>
    </message>
    <message>
        <source>Unknown action &lt;{action}&gt;.</source>
        <translation>Action inconnue &lt;{action}&gt;.</translation>
    </message>
    <message>
        <source>Field {field} is mapped to two columns ({first} and {second}) in &lt;{element}&gt;.</source>
        <translation>Le champ {field} est associé à deux colonnes ({first} et {second}) dans &lt;{element}&gt;.</translation>
    </message>
    <message>
        <source>&lt;{action}&gt; needs a column for {needed}, and the file has none.</source>
        <translation>&lt;{action}&gt; a besoin d&apos;une colonne pour {needed}, et le fichier n&apos;en a pas.</translation>
    </message>
    <message>
        <source>&lt;{action}&gt;: {option} names {field}, but no column of the file holds it.</source>
        <translation>&lt;{action}&gt;&#xa0;: {option} nomme {field}, mais aucune colonne du fichier ne le contient.</translation>
    </message>
    <message>
        <source>&lt;{element}&gt; lists no column.</source>
        <translation>&lt;{element}&gt; ne liste aucune colonne.</translation>
    </message>
    <message>
        <source>Column {column} of &lt;{element}&gt; holds a {field} field but no &lt;{key}&gt; says which: give it one, in the column or in the action&apos;s &lt;fields&gt;.</source>
        <translation>La colonne {column} de &lt;{element}&gt; contient un champ {field} mais aucun &lt;{key}&gt; ne dit lequel&#xa0;: donnez-en un, dans la colonne ou dans les &lt;fields&gt; de l&apos;action.</translation>
    </message>
    <message>
        <source>Unknown element &quot;{name}&quot; in &lt;{parent}&gt; (line {line}); did you mean &quot;{hint}&quot;?</source>
        <translation>Élément inconnu «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line})&#xa0;; vouliez-vous dire «&#xa0;{hint}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Unknown element &quot;{name}&quot; in &lt;{parent}&gt; (line {line}).</source>
        <translation>Élément inconnu «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line}).</translation>
    </message>
    <message>
        <source>Unknown action &quot;{name}&quot; in &lt;{parent}&gt; (line {line}); did you mean &quot;{hint}&quot;?</source>
        <translation>Action inconnue «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line})&#xa0;; vouliez-vous dire «&#xa0;{hint}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Unknown action &quot;{name}&quot; in &lt;{parent}&gt; (line {line}).</source>
        <translation>Action inconnue «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line}).</translation>
    </message>
    <message>
        <source>Unknown option &quot;{name}&quot; in &lt;{parent}&gt; (line {line}); did you mean &quot;{hint}&quot;?</source>
        <translation>Option inconnue «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line})&#xa0;; vouliez-vous dire «&#xa0;{hint}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Unknown option &quot;{name}&quot; in &lt;{parent}&gt; (line {line}).</source>
        <translation>Option inconnue «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line}).</translation>
    </message>
    <message>
        <source>Unknown field &quot;{name}&quot; in &lt;{parent}&gt; (line {line}); did you mean &quot;{hint}&quot;?</source>
        <translation>Champ inconnu «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line})&#xa0;; vouliez-vous dire «&#xa0;{hint}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Unknown field &quot;{name}&quot; in &lt;{parent}&gt; (line {line}).</source>
        <translation>Champ inconnu «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line}).</translation>
    </message>
    <message>
        <source>Unknown value mapping &quot;{name}&quot; in &lt;{parent}&gt; (line {line}); did you mean &quot;{hint}&quot;?</source>
        <translation>Correspondance de valeur inconnue «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line})&#xa0;; vouliez-vous dire «&#xa0;{hint}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Unknown value mapping &quot;{name}&quot; in &lt;{parent}&gt; (line {line}).</source>
        <translation>Correspondance de valeur inconnue «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line}).</translation>
    </message>
    <message>
        <source>Unknown value mapping &quot;{name}&quot; in &lt;{parent}&gt; (line {line}); it takes none.</source>
        <translation>Correspondance de valeur inconnue «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line})&#xa0;; cet élément n&apos;en accepte aucune.</translation>
    </message>
    <message>
        <source>Unknown setting &quot;{name}&quot; in &lt;{parent}&gt; (line {line}); did you mean &quot;{hint}&quot;?</source>
        <translation>Réglage inconnu «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line})&#xa0;; vouliez-vous dire «&#xa0;{hint}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Unknown setting &quot;{name}&quot; in &lt;{parent}&gt; (line {line}).</source>
        <translation>Réglage inconnu «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line}).</translation>
    </message>
    <message>
        <source>Unknown search field &quot;{name}&quot; in &lt;{parent}&gt; (line {line}); did you mean &quot;{hint}&quot;?</source>
        <translation>Champ de recherche inconnu «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line})&#xa0;; vouliez-vous dire «&#xa0;{hint}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Unknown search field &quot;{name}&quot; in &lt;{parent}&gt; (line {line}); expected one of: {known}.</source>
        <translation>Champ de recherche inconnu «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line})&#xa0;; champs possibles&#xa0;: {known}.</translation>
    </message>
    <message>
        <source>Unknown value &quot;{name}&quot; in &lt;{parent}&gt; (line {line}); did you mean &quot;{hint}&quot;?</source>
        <translation>Valeur inconnue «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line})&#xa0;; vouliez-vous dire «&#xa0;{hint}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Unknown value &quot;{name}&quot; in &lt;{parent}&gt; (line {line}); expected one of: {known}.</source>
        <translation>Valeur inconnue «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line})&#xa0;; valeurs possibles&#xa0;: {known}.</translation>
    </message>
    <message>
        <source>Unknown file encoding &quot;{name}&quot; in &lt;{parent}&gt; (line {line}); did you mean &quot;{hint}&quot;?</source>
        <translation>Encodage de fichier inconnu «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line})&#xa0;; vouliez-vous dire «&#xa0;{hint}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Unknown file encoding &quot;{name}&quot; in &lt;{parent}&gt; (line {line}); expected one of: {known}.</source>
        <translation>Encodage de fichier inconnu «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line})&#xa0;; encodages possibles&#xa0;: {known}.</translation>
    </message>
    <message>
        <source>Unknown delimiter &quot;{name}&quot; in &lt;{parent}&gt; (line {line}); did you mean &quot;{hint}&quot;?</source>
        <translation>Séparateur inconnu «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line})&#xa0;; vouliez-vous dire «&#xa0;{hint}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Unknown delimiter &quot;{name}&quot; in &lt;{parent}&gt; (line {line}); expected one of: {known}.</source>
        <translation>Séparateur inconnu «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line})&#xa0;; séparateurs possibles&#xa0;: {known}.</translation>
    </message>
    <message>
        <source>Unknown field &quot;{name}&quot; in &lt;fields&gt; of &lt;{parent}&gt; (line {line}); did you mean &quot;{hint}&quot;?</source>
        <translation>Champ inconnu «&#xa0;{name}&#xa0;» dans &lt;fields&gt; de &lt;{parent}&gt; (ligne {line})&#xa0;; vouliez-vous dire «&#xa0;{hint}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Unknown field &quot;{name}&quot; in &lt;fields&gt; of &lt;{parent}&gt; (line {line}).</source>
        <translation>Champ inconnu «&#xa0;{name}&#xa0;» dans &lt;fields&gt; de &lt;{parent}&gt; (ligne {line}).</translation>
    </message>
    <message>
        <source>Unknown field &quot;{name}&quot; in &lt;fields&gt; of &lt;{parent}&gt; (line {line}); only &lt;{owner}&gt; has it.</source>
        <translation>Champ inconnu «&#xa0;{name}&#xa0;» dans &lt;fields&gt; de &lt;{parent}&gt; (ligne {line})&#xa0;; seule l&apos;action &lt;{owner}&gt; a ce champ.</translation>
    </message>
    <message>
        <source>Unknown field &quot;{name}&quot; in &lt;fields&gt; of &lt;{parent}&gt; (line {line}); only {owners} and &lt;{last}&gt; have it.</source>
        <translation>Champ inconnu «&#xa0;{name}&#xa0;» dans &lt;fields&gt; de &lt;{parent}&gt; (ligne {line})&#xa0;; seules les actions {owners} et &lt;{last}&gt; ont ce champ.</translation>
    </message>
    <message>
        <source>Unknown option &quot;{name}&quot; in &lt;options&gt; of &lt;{parent}&gt; (line {line}); did you mean &quot;{hint}&quot;?</source>
        <translation>Option inconnue «&#xa0;{name}&#xa0;» dans &lt;options&gt; de &lt;{parent}&gt; (ligne {line})&#xa0;; vouliez-vous dire «&#xa0;{hint}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Unknown option &quot;{name}&quot; in &lt;options&gt; of &lt;{parent}&gt; (line {line}).</source>
        <translation>Option inconnue «&#xa0;{name}&#xa0;» dans &lt;options&gt; de &lt;{parent}&gt; (ligne {line}).</translation>
    </message>
    <message>
        <source>Unknown option &quot;{name}&quot; in &lt;options&gt; of &lt;{parent}&gt; (line {line}); it takes none.</source>
        <translation>Option inconnue «&#xa0;{name}&#xa0;» dans &lt;options&gt; de &lt;{parent}&gt; (ligne {line})&#xa0;; cette action n&apos;a aucune option.</translation>
    </message>
    <message>
        <source>Unknown option &quot;{name}&quot; in &lt;options&gt; of &lt;{parent}&gt; (line {line}); only &lt;{owner}&gt; has it.</source>
        <translation>Option inconnue «&#xa0;{name}&#xa0;» dans &lt;options&gt; de &lt;{parent}&gt; (ligne {line})&#xa0;; seule l&apos;action &lt;{owner}&gt; a cette option.</translation>
    </message>
    <message>
        <source>Unknown option &quot;{name}&quot; in &lt;options&gt; of &lt;{parent}&gt; (line {line}); only {owners} and &lt;{last}&gt; have it.</source>
        <translation>Option inconnue «&#xa0;{name}&#xa0;» dans &lt;options&gt; de &lt;{parent}&gt; (ligne {line})&#xa0;; seules les actions {owners} et &lt;{last}&gt; ont cette option.</translation>
    </message>
    <message>
        <source>Unknown parameter &quot;{name}&quot; in &lt;parameters&gt; of &lt;{parent}&gt; (line {line}); did you mean &quot;{hint}&quot;?</source>
        <translation>Paramètre inconnu «&#xa0;{name}&#xa0;» dans &lt;parameters&gt; de &lt;{parent}&gt; (ligne {line})&#xa0;; vouliez-vous dire «&#xa0;{hint}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Unknown parameter &quot;{name}&quot; in &lt;parameters&gt; of &lt;{parent}&gt; (line {line}).</source>
        <translation>Paramètre inconnu «&#xa0;{name}&#xa0;» dans &lt;parameters&gt; de &lt;{parent}&gt; (ligne {line}).</translation>
    </message>
    <message>
        <source>Unknown parameter &quot;{name}&quot; in &lt;parameters&gt; of &lt;{parent}&gt; (line {line}); only &lt;{owner}&gt; has it.</source>
        <translation>Paramètre inconnu «&#xa0;{name}&#xa0;» dans &lt;parameters&gt; de &lt;{parent}&gt; (ligne {line})&#xa0;; seule l&apos;action &lt;{owner}&gt; a ce paramètre.</translation>
    </message>
    <message>
        <source>Unknown parameter &quot;{name}&quot; in &lt;parameters&gt; of &lt;{parent}&gt; (line {line}); only {owners} and &lt;{last}&gt; have it.</source>
        <translation>Paramètre inconnu «&#xa0;{name}&#xa0;» dans &lt;parameters&gt; de &lt;{parent}&gt; (ligne {line})&#xa0;; seules les actions {owners} et &lt;{last}&gt; ont ce paramètre.</translation>
    </message>
    <message>
        <source>Unknown file encoding &quot;{name}&quot; in &lt;{parent}&gt; (line {line}): neither the platform nor the assistant reads Mac Roman (what Excel for Mac saves as &quot;CSV&quot;); save the file again as CSV UTF-8, then write UTF-8 here.</source>
        <translation>Encodage de fichier inconnu «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line})&#xa0;: ni la plateforme ni l&apos;assistant ne lisent le Mac Roman (ce qu&apos;Excel pour Mac enregistre en «&#xa0;CSV&#xa0;»)&#xa0;; enregistrez à nouveau le fichier en CSV UTF-8, puis indiquez UTF-8 ici.</translation>
    </message>
    <message>
        <source>Invalid value &quot;{value}&quot; in &lt;{element}&gt; (line {line}); expected yes or no.</source>
        <translation>Valeur non valide «&#xa0;{value}&#xa0;» dans &lt;{element}&gt; (ligne {line})&#xa0;; valeur attendue&#xa0;: yes ou no.</translation>
    </message>
    <message>
        <source>Invalid value &quot;{value}&quot; in &lt;{element}&gt; (line {line}); expected a whole number.</source>
        <translation>Valeur non valide «&#xa0;{value}&#xa0;» dans &lt;{element}&gt; (ligne {line})&#xa0;; un nombre entier est attendu.</translation>
    </message>
    <message>
        <source>Invalid value &quot;{value}&quot; in &lt;{element}&gt; (line {line}); expected a time as hh:ii:ss.</source>
        <translation>Valeur non valide «&#xa0;{value}&#xa0;» dans &lt;{element}&gt; (ligne {line})&#xa0;; une heure au format hh:ii:ss est attendue.</translation>
    </message>
    <message>
        <source>Invalid value &quot;{value}&quot; in &lt;{element}&gt;; expected a whole number.</source>
        <translation>Valeur non valide «&#xa0;{value}&#xa0;» dans &lt;{element}&gt;&#xa0;; un nombre entier est attendu.</translation>
    </message>
    <message>
        <source>Invalid value &quot;{value}&quot; in &lt;{element}&gt;; expected a time as hh:ii:ss.</source>
        <translation>Valeur non valide «&#xa0;{value}&#xa0;» dans &lt;{element}&gt;&#xa0;; une heure au format hh:ii:ss est attendue.</translation>
    </message>
    <message>
        <source>The root element is &lt;{element}&gt; (line {line}); a configuration starts with &lt;import-config&gt;.</source>
        <translation>L&apos;élément racine est &lt;{element}&gt; (ligne {line})&#xa0;; une configuration commence par &lt;import-config&gt;.</translation>
    </message>
    <message>
        <source>&lt;import-config&gt; (line {line}) holds no &lt;import&gt;; there is nothing to import.</source>
        <translation>&lt;import-config&gt; (ligne {line}) ne contient aucun &lt;import&gt;&#xa0;; il n&apos;y a rien à importer.</translation>
    </message>
    <message>
        <source>&lt;import&gt; (line {line}) has a second &lt;{part}&gt; (line {second_line}).</source>
        <translation>&lt;import&gt; (ligne {line}) a un deuxième &lt;{part}&gt; (ligne {second_line}).</translation>
    </message>
    <message>
        <source>&lt;providers&gt; (line {line}) has a second &lt;{provider}&gt; (line {second_line}); the assistant reads one data file per &lt;import&gt;.</source>
        <translation>&lt;providers&gt; (ligne {line}) a un deuxième &lt;{provider}&gt; (ligne {second_line})&#xa0;; l&apos;assistant lit un seul fichier de données par &lt;import&gt;.</translation>
    </message>
    <message>
        <source>&lt;import&gt; (line {line}) has no &lt;{provider}&gt; in &lt;providers&gt;.</source>
        <translation>&lt;import&gt; (ligne {line}) n&apos;a pas de &lt;{provider}&gt; dans &lt;providers&gt;.</translation>
    </message>
    <message>
        <source>&lt;import&gt; (line {line}) has no &lt;{provider}&gt; in &lt;providers&gt;; &lt;{other}&gt; (line {other_line}) is not one the assistant reads.</source>
        <translation>&lt;import&gt; (ligne {line}) n&apos;a pas de &lt;{provider}&gt; dans &lt;providers&gt;&#xa0;; &lt;{other}&gt; (ligne {other_line}) n&apos;est pas lu par l&apos;assistant.</translation>
    </message>
    <message>
        <source>&lt;import&gt; (line {line}) has no &lt;actions&gt;.</source>
        <translation>&lt;import&gt; (ligne {line}) n&apos;a pas de &lt;actions&gt;.</translation>
    </message>
    <message>
        <source>&lt;actions&gt; (line {line}) holds no action.</source>
        <translation>&lt;actions&gt; (ligne {line}) ne contient aucune action.</translation>
    </message>
    <message>
        <source>&lt;{option}&gt; appears twice in &lt;{provider}&gt; (line {line}).</source>
        <translation>&lt;{option}&gt; apparaît deux fois dans &lt;{provider}&gt; (ligne {line}).</translation>
    </message>
    <message>
        <source>&lt;{field}&gt; in &lt;{option}&gt; (line {line}) names no GUID; write &lt;custom&gt;GUID&lt;/custom&gt;.</source>
        <translation>&lt;{field}&gt; dans &lt;{option}&gt; (ligne {line}) ne nomme aucun GUID&#xa0;; écrivez &lt;custom&gt;GUID&lt;/custom&gt;.</translation>
    </message>
    <message>
        <source>The date format {format} gives {part} twice; each of YYYY (or YY), MM, DD, HH, II and SS may appear once.</source>
        <translation>Le format de date {format} donne {part} deux fois&#xa0;; YYYY (ou YY), MM, DD, HH, II et SS peuvent chacun y figurer une fois.</translation>
    </message>
    <message>
        <source>The export configuration does not exist.</source>
        <translation>La configuration d&apos;export n&apos;existe pas.</translation>
    </message>
    <message>
        <source>This is a folder, not an export configuration.</source>
        <translation>C&apos;est un dossier, pas une configuration d&apos;export.</translation>
    </message>
    <message>
        <source>The export configuration cannot be read: {reason}.</source>
        <translation>La configuration d&apos;export ne peut pas être lue&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Unknown export provider &quot;{name}&quot; in &lt;{parent}&gt; (line {line}); did you mean &quot;{hint}&quot;?</source>
        <translation>Fournisseur d&apos;export inconnu «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line})&#xa0;; vouliez-vous dire «&#xa0;{hint}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Unknown export provider &quot;{name}&quot; in &lt;{parent}&gt; (line {line}).</source>
        <translation>Fournisseur d&apos;export inconnu «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line}).</translation>
    </message>
    <message>
        <source>Unknown parameter &quot;{name}&quot; in &lt;{parent}&gt; (line {line}); did you mean &quot;{hint}&quot;?</source>
        <translation>Paramètre inconnu «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line})&#xa0;; vouliez-vous dire «&#xa0;{hint}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Unknown parameter &quot;{name}&quot; in &lt;{parent}&gt; (line {line}).</source>
        <translation>Paramètre inconnu «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line}).</translation>
    </message>
    <message>
        <source>Unknown column &quot;{name}&quot; in &lt;{parent}&gt; (line {line}); did you mean &quot;{hint}&quot;?</source>
        <translation>Colonne inconnue «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line})&#xa0;; vouliez-vous dire «&#xa0;{hint}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Unknown column &quot;{name}&quot; in &lt;{parent}&gt; (line {line}).</source>
        <translation>Colonne inconnue «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line}).</translation>
    </message>
    <message>
        <source>Unknown export action &quot;{name}&quot; in &lt;{parent}&gt; (line {line}); did you mean &quot;{hint}&quot;?</source>
        <translation>Action d&apos;export inconnue «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line})&#xa0;; vouliez-vous dire «&#xa0;{hint}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Unknown export action &quot;{name}&quot; in &lt;{parent}&gt; (line {line}).</source>
        <translation>Action d&apos;export inconnue «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line}).</translation>
    </message>
    <message>
        <source>Unknown consolidator &quot;{name}&quot; in &lt;{parent}&gt; (line {line}); did you mean &quot;{hint}&quot;?</source>
        <translation>Consolidateur inconnu «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line})&#xa0;; vouliez-vous dire «&#xa0;{hint}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Unknown consolidator &quot;{name}&quot; in &lt;{parent}&gt; (line {line}).</source>
        <translation>Consolidateur inconnu «&#xa0;{name}&#xa0;» dans &lt;{parent}&gt; (ligne {line}).</translation>
    </message>
    <message>
        <source>The root element is &lt;{element}&gt; (line {line}); an export configuration starts with &lt;export-config&gt;.</source>
        <translation>L&apos;élément racine est &lt;{element}&gt; (ligne {line})&#xa0;; une configuration d&apos;export commence par &lt;export-config&gt;.</translation>
    </message>
    <message>
        <source>&lt;export-config&gt; (line {line}) holds no &lt;export&gt;.</source>
        <translation>&lt;export-config&gt; (ligne {line}) ne contient aucun &lt;export&gt;.</translation>
    </message>
    <message>
        <source>&lt;export&gt; (line {line}) has a second &lt;{part}&gt; (line {second_line}).</source>
        <translation>&lt;export&gt; (ligne {line}) a un deuxième &lt;{part}&gt; (ligne {second_line}).</translation>
    </message>
    <message>
        <source>&lt;export&gt; (line {line}) needs one provider in &lt;providers&gt;, and has none.</source>
        <translation>&lt;export&gt; (ligne {line}) doit avoir un seul fournisseur dans &lt;providers&gt;, et n&apos;en a aucun.</translation>
    </message>
    <message>
        <source>&lt;export&gt; (line {line}) needs one provider in &lt;providers&gt;, and has {count} of them.</source>
        <translation>&lt;export&gt; (ligne {line}) doit avoir un seul fournisseur dans &lt;providers&gt;, et en a {count}.</translation>
    </message>
    <message>
        <source>&lt;export&gt; (line {line}) needs one export action in &lt;actions&gt;, and has none.</source>
        <translation>&lt;export&gt; (ligne {line}) doit avoir une seule action d&apos;export dans &lt;actions&gt;, et n&apos;en a aucune.</translation>
    </message>
    <message>
        <source>&lt;export&gt; (line {line}) needs one export action in &lt;actions&gt;, and has {count} of them.</source>
        <translation>&lt;export&gt; (ligne {line}) doit avoir une seule action d&apos;export dans &lt;actions&gt;, et en a {count}.</translation>
    </message>
    <message>
        <source>&lt;{provider}&gt; (line {line}) lists no column.</source>
        <translation>&lt;{provider}&gt; (ligne {line}) ne liste aucune colonne.</translation>
    </message>
    <message>
        <source>&lt;{provider}&gt; lists the column {header} twice: the first line of its file could not tell them apart; remove one, or give it another label.</source>
        <translation>&lt;{provider}&gt; liste deux fois la colonne {header}&#xa0;: la première ligne de son fichier ne saurait les distinguer&#xa0;; retirez-en une, ou donnez-lui un autre libellé.</translation>
    </message>
    <message>
        <source>{count} data files were given, but the export configuration has only {exports} &lt;export&gt;.</source>
        <translation>{count} fichiers exportés ont été choisis, mais la configuration d&apos;export n&apos;a que {exports} &lt;export&gt;.</translation>
    </message>
    <message>
        <source>{first} and {second} both hold the columns of the &lt;{provider}&gt; export; give one file for each export.</source>
        <translation>{first} et {second} contiennent tous deux les colonnes de l&apos;export &lt;{provider}&gt;&#xa0;; donnez un seul fichier par export.</translation>
    </message>
    <message>
        <source>{name} was given twice; give one file for each export.</source>
        <translation>{name} a été donné deux fois&#xa0;; donnez un seul fichier par export.</translation>
    </message>
    <message>
        <source>&lt;{provider}&gt;&apos;s export names no file (&lt;moveToFolder&gt;&lt;fileName&gt;); name its file with --data.</source>
        <translation>L&apos;export de &lt;{provider}&gt; ne nomme aucun fichier (&lt;moveToFolder&gt;&lt;fileName&gt;)&#xa0;; choisissez vous-même son fichier exporté.</translation>
    </message>
    <message>
        <source>no file in the folder matches {name}; name the export&apos;s file with --data.</source>
        <translation>aucun fichier du dossier ne correspond à {name}&#xa0;; choisissez vous-même le fichier exporté.</translation>
    </message>
    <message>
        <source>&lt;{name}&gt; (line {line}) comes after &lt;{before}&gt; (line {before_line}) in &lt;consolidators&gt;: the platform&apos;s documentation declares them in this order for them to work properly: {order}. The configuration is read all the same.</source>
        <translation>&lt;{name}&gt; (ligne {line}) vient après &lt;{before}&gt; (ligne {before_line}) dans &lt;consolidators&gt;&#xa0;: la documentation de la plateforme les déclare dans cet ordre pour qu&apos;ils fonctionnent correctement&#xa0;: {order}. La configuration est lue malgré tout.</translation>
    </message>
    <message>
        <source>Run {reverted} was reverted by run {run} ({user} on {machine}) since the revert was planned: nothing was written to {path}.</source>
        <translation>L&apos;exécution {reverted} a été défaite par l&apos;exécution {run} ({user} sur {machine}) depuis l&apos;aperçu de ce qui serait défait&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Run {reverted} was reverted by run {run} ({who}) since the revert was planned: nothing was written to {path}.</source>
        <translation>L&apos;exécution {reverted} a été défaite par l&apos;exécution {run} ({who}) depuis l&apos;aperçu de ce qui serait défait&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Run {reverted} was reverted by run {run} since the revert was planned: nothing was written to {path}.</source>
        <translation>L&apos;exécution {reverted} a été défaite par l&apos;exécution {run} depuis l&apos;aperçu de ce qui serait défait&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>The store {path} holds no run {run}: nothing was written.</source>
        <translation>La base {path} ne contient pas d&apos;exécution {run}&#xa0;: rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>The changes create {kind} {id} twice: nothing was written to {path}.</source>
        <translation>Les modifications créent deux fois l&apos;enregistrement {kind} {id}&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>The changes refer to {kind} {id}, which they never create: nothing was written to {path}.</source>
        <translation>Les modifications font référence à l&apos;enregistrement {kind} {id}, qu&apos;elles ne créent jamais&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Unknown {kind} column {column}: nothing was written to {path}.</source>
        <translation>La table {kind} n&apos;a pas de colonne {column}&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>{subject} is no longer in the store (it changed since the check; check again): nothing was written to {path}.</source>
        <translation>{subject} n&apos;est plus dans la base (elle a changé depuis la vérification&#xa0;; vérifiez à nouveau)&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>{subject} is no longer in the store (it changed since the revert was planned; try the revert again): nothing was written to {path}.</source>
        <translation>{subject} n&apos;est plus dans la base (elle a changé depuis l&apos;aperçu de ce qui serait défait&#xa0;; refaites-le, puis essayez à nouveau)&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>{subject} changed since the check ({field} is now {value}); check again: nothing was written to {path}.</source>
        <translation>{subject} a changé depuis la vérification ({field} vaut maintenant {value})&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>{subject} was deleted by run {run} ({user} on {machine}) since the check; check again: nothing was written to {path}.</source>
        <translation>L&apos;exécution {run} ({user} sur {machine}) a supprimé {subject} depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>{subject} was deleted by run {run} ({who}) since the check; check again: nothing was written to {path}.</source>
        <translation>L&apos;exécution {run} ({who}) a supprimé {subject} depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>{subject} was deleted by run {run} since the check; check again: nothing was written to {path}.</source>
        <translation>L&apos;exécution {run} a supprimé {subject} depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>{subject} was changed by run {run} ({user} on {machine}) since the check ({field} is now {value}); check again: nothing was written to {path}.</source>
        <translation>L&apos;exécution {run} ({user} sur {machine}) a modifié {subject} depuis la vérification ({field} vaut maintenant {value})&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>{subject} was changed by run {run} ({who}) since the check ({field} is now {value}); check again: nothing was written to {path}.</source>
        <translation>L&apos;exécution {run} ({who}) a modifié {subject} depuis la vérification ({field} vaut maintenant {value})&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>{subject} was changed by run {run} since the check ({field} is now {value}); check again: nothing was written to {path}.</source>
        <translation>L&apos;exécution {run} a modifié {subject} depuis la vérification ({field} vaut maintenant {value})&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>{subject} changed since the revert was planned ({field} is now {value}); try the revert again: nothing was written to {path}.</source>
        <translation>{subject} a changé depuis l&apos;aperçu de ce qui serait défait ({field} vaut maintenant {value})&#xa0;; refaites l&apos;aperçu, puis essayez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>{subject} is in the store again since the revert was planned; try the revert again: nothing was written to {path}.</source>
        <translation>{subject} est de retour dans la base depuis l&apos;aperçu de ce qui serait défait&#xa0;; refaites-le, puis essayez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>{subject} was deleted by run {run} ({user} on {machine}) since the revert was planned; try the revert again: nothing was written to {path}.</source>
        <translation>L&apos;exécution {run} ({user} sur {machine}) a supprimé {subject} depuis l&apos;aperçu de ce qui serait défait&#xa0;; refaites l&apos;aperçu, puis essayez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>{subject} was deleted by run {run} ({who}) since the revert was planned; try the revert again: nothing was written to {path}.</source>
        <translation>L&apos;exécution {run} ({who}) a supprimé {subject} depuis l&apos;aperçu de ce qui serait défait&#xa0;; refaites l&apos;aperçu, puis essayez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>{subject} was deleted by run {run} since the revert was planned; try the revert again: nothing was written to {path}.</source>
        <translation>L&apos;exécution {run} a supprimé {subject} depuis l&apos;aperçu de ce qui serait défait&#xa0;; refaites l&apos;aperçu, puis essayez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>{subject} was changed by run {run} ({user} on {machine}) since the revert was planned ({field} is now {value}); try the revert again: nothing was written to {path}.</source>
        <translation>L&apos;exécution {run} ({user} sur {machine}) a modifié {subject} depuis l&apos;aperçu de ce qui serait défait ({field} vaut maintenant {value})&#xa0;; refaites l&apos;aperçu, puis essayez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>{subject} was changed by run {run} ({who}) since the revert was planned ({field} is now {value}); try the revert again: nothing was written to {path}.</source>
        <translation>L&apos;exécution {run} ({who}) a modifié {subject} depuis l&apos;aperçu de ce qui serait défait ({field} vaut maintenant {value})&#xa0;; refaites l&apos;aperçu, puis essayez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>{subject} was changed by run {run} since the revert was planned ({field} is now {value}); try the revert again: nothing was written to {path}.</source>
        <translation>L&apos;exécution {run} a modifié {subject} depuis l&apos;aperçu de ce qui serait défait ({field} vaut maintenant {value})&#xa0;; refaites l&apos;aperçu, puis essayez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>{subject} was brought back by run {run} ({user} on {machine}) since the revert was planned; try the revert again: nothing was written to {path}.</source>
        <translation>L&apos;exécution {run} ({user} sur {machine}) a remis {subject} dans la base depuis l&apos;aperçu de ce qui serait défait&#xa0;; refaites l&apos;aperçu, puis essayez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>{subject} was brought back by run {run} ({who}) since the revert was planned; try the revert again: nothing was written to {path}.</source>
        <translation>L&apos;exécution {run} ({who}) a remis {subject} dans la base depuis l&apos;aperçu de ce qui serait défait&#xa0;; refaites l&apos;aperçu, puis essayez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>{subject} was brought back by run {run} since the revert was planned; try the revert again: nothing was written to {path}.</source>
        <translation>L&apos;exécution {run} a remis {subject} dans la base depuis l&apos;aperçu de ce qui serait défait&#xa0;; refaites l&apos;aperçu, puis essayez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Session {name} was created by another program since the check; check again: nothing was written to {path}.</source>
        <translation>La session {name} a été créée par un autre programme depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Session {name} was created by run {run} since the check; check again: nothing was written to {path}.</source>
        <translation>La session {name} a été créée par l&apos;exécution {run} depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Session {name} was created by run {run} ({who}) since the check; check again: nothing was written to {path}.</source>
        <translation>La session {name} a été créée par l&apos;exécution {run} ({who}) depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Session {name} was created by run {run} ({user} on {machine}) since the check; check again: nothing was written to {path}.</source>
        <translation>La session {name} a été créée par l&apos;exécution {run} ({user} sur {machine}) depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Entity {name} was created by another program since the check; check again: nothing was written to {path}.</source>
        <translation>L&apos;entité {name} a été créée par un autre programme depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Entity {name} was created by run {run} since the check; check again: nothing was written to {path}.</source>
        <translation>L&apos;entité {name} a été créée par l&apos;exécution {run} depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Entity {name} was created by run {run} ({who}) since the check; check again: nothing was written to {path}.</source>
        <translation>L&apos;entité {name} a été créée par l&apos;exécution {run} ({who}) depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Entity {name} was created by run {run} ({user} on {machine}) since the check; check again: nothing was written to {path}.</source>
        <translation>L&apos;entité {name} a été créée par l&apos;exécution {run} ({user} sur {machine}) depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Tracking row {name} was created by another program since the check; check again: nothing was written to {path}.</source>
        <translation>La ligne de suivi {name} a été créée par un autre programme depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Tracking row {name} was created by run {run} since the check; check again: nothing was written to {path}.</source>
        <translation>La ligne de suivi {name} a été créée par l&apos;exécution {run} depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Tracking row {name} was created by run {run} ({who}) since the check; check again: nothing was written to {path}.</source>
        <translation>La ligne de suivi {name} a été créée par l&apos;exécution {run} ({who}) depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Tracking row {name} was created by run {run} ({user} on {machine}) since the check; check again: nothing was written to {path}.</source>
        <translation>La ligne de suivi {name} a été créée par l&apos;exécution {run} ({user} sur {machine}) depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Learner {name} was created by another program since the check; check again: nothing was written to {path}.</source>
        <translation>L&apos;apprenant {name} a été créé par un autre programme depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Learner {name} was created by run {run} since the check; check again: nothing was written to {path}.</source>
        <translation>L&apos;apprenant {name} a été créé par l&apos;exécution {run} depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Learner {name} was created by run {run} ({who}) since the check; check again: nothing was written to {path}.</source>
        <translation>L&apos;apprenant {name} a été créé par l&apos;exécution {run} ({who}) depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Learner {name} was created by run {run} ({user} on {machine}) since the check; check again: nothing was written to {path}.</source>
        <translation>L&apos;apprenant {name} a été créé par l&apos;exécution {run} ({user} sur {machine}) depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Learning object {name} was created by another program since the check; check again: nothing was written to {path}.</source>
        <translation>L&apos;objet pédagogique {name} a été créé par un autre programme depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Learning object {name} was created by run {run} since the check; check again: nothing was written to {path}.</source>
        <translation>L&apos;objet pédagogique {name} a été créé par l&apos;exécution {run} depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Learning object {name} was created by run {run} ({who}) since the check; check again: nothing was written to {path}.</source>
        <translation>L&apos;objet pédagogique {name} a été créé par l&apos;exécution {run} ({who}) depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Learning object {name} was created by run {run} ({user} on {machine}) since the check; check again: nothing was written to {path}.</source>
        <translation>L&apos;objet pédagogique {name} a été créé par l&apos;exécution {run} ({user} sur {machine}) depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>{url} is not a PostgreSQL URL (postgresql://USER@HOST/DATABASE)</source>
        <translation>{url} n&apos;est pas une URL PostgreSQL (postgresql://UTILISATEUR@HÔTE/BASE)</translation>
    </message>
    <message>
        <source>{url} names no database (postgresql://USER@HOST/DATABASE)</source>
        <translation>{url} ne nomme aucune base de données (postgresql://UTILISATEUR@HÔTE/BASE)</translation>
    </message>
    <message>
        <source>{url} names a host that cannot be read (an IPv6 address goes in brackets: postgresql://USER@[::1]/DATABASE)</source>
        <translation>{url} nomme un hôte illisible (une adresse IPv6 s&apos;écrit entre crochets&#xa0;: postgresql://UTILISATEUR@[::1]/BASE)</translation>
    </message>
    <message>
        <source>{url} is not a place for a store: give a SQLite file&apos;s path or postgresql://USER@HOST/DATABASE</source>
        <translation>{url} ne peut pas accueillir une base&#xa0;: donnez le chemin d&apos;un fichier SQLite ou postgresql://UTILISATEUR@HÔTE/BASE</translation>
    </message>
    <message>
        <source>{url} names a port that is not a number from 1 to 65535 (postgresql://USER@HOST:PORT/DATABASE)</source>
        <translation>{url} nomme un port qui n&apos;est pas un nombre de 1 à 65535 (postgresql://UTILISATEUR@HÔTE:PORT/BASE)</translation>
    </message>
    <message>
        <source>Another {kind} has the {field} {value}, written by run {run} ({user} on {machine}) since the check; check again: nothing was written to {path}.</source>
        <translation>Un autre enregistrement {kind} a la valeur {value} de {field}, écrite par l&apos;exécution {run} ({user} sur {machine}) depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Another {kind} has the {field} {value}, written by run {run} ({who}) since the check; check again: nothing was written to {path}.</source>
        <translation>Un autre enregistrement {kind} a la valeur {value} de {field}, écrite par l&apos;exécution {run} ({who}) depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Another {kind} has the {field} {value}, written by run {run} since the check; check again: nothing was written to {path}.</source>
        <translation>Un autre enregistrement {kind} a la valeur {value} de {field}, écrite par l&apos;exécution {run} depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Another {kind} has the {field} {value}, written by another program since the check; check again: nothing was written to {path}.</source>
        <translation>Un autre enregistrement {kind} a la valeur {value} de {field}, écrite par un autre programme depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Another {kind} has the {field} {value}, written by run {run} ({user} on {machine}) since the revert was planned; try the revert again: nothing was written to {path}.</source>
        <translation>Un autre enregistrement {kind} a la valeur {value} de {field}, écrite par l&apos;exécution {run} ({user} sur {machine}) depuis l&apos;aperçu de ce qui serait défait&#xa0;; refaites-le, puis essayez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Another {kind} has the {field} {value}, written by run {run} ({who}) since the revert was planned; try the revert again: nothing was written to {path}.</source>
        <translation>Un autre enregistrement {kind} a la valeur {value} de {field}, écrite par l&apos;exécution {run} ({who}) depuis l&apos;aperçu de ce qui serait défait&#xa0;; refaites-le, puis essayez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Another {kind} has the {field} {value}, written by run {run} since the revert was planned; try the revert again: nothing was written to {path}.</source>
        <translation>Un autre enregistrement {kind} a la valeur {value} de {field}, écrite par l&apos;exécution {run} depuis l&apos;aperçu de ce qui serait défait&#xa0;; refaites-le, puis essayez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Another {kind} has the {field} {value}, written by another program since the revert was planned; try the revert again: nothing was written to {path}.</source>
        <translation>Un autre enregistrement {kind} a la valeur {value} de {field}, écrite par un autre programme depuis l&apos;aperçu de ce qui serait défait&#xa0;; refaites-le, puis essayez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Learner {learner} was registered to session {session} by run {run} ({user} on {machine}) since the check; check again: nothing was written to {path}.</source>
        <translation>L&apos;apprenant {learner} a été inscrit à la session {session} par l&apos;exécution {run} ({user} sur {machine}) depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Learner {learner} was registered to session {session} by run {run} ({who}) since the check; check again: nothing was written to {path}.</source>
        <translation>L&apos;apprenant {learner} a été inscrit à la session {session} par l&apos;exécution {run} ({who}) depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Learner {learner} was registered to session {session} by run {run} since the check; check again: nothing was written to {path}.</source>
        <translation>L&apos;apprenant {learner} a été inscrit à la session {session} par l&apos;exécution {run} depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Learner {learner} was registered to session {session} by another program since the check; check again: nothing was written to {path}.</source>
        <translation>L&apos;apprenant {learner} a été inscrit à la session {session} par un autre programme depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Learner {learner} was registered to session {session} by run {run} ({user} on {machine}) since the revert was planned; try the revert again: nothing was written to {path}.</source>
        <translation>L&apos;apprenant {learner} a été inscrit à la session {session} par l&apos;exécution {run} ({user} sur {machine}) depuis l&apos;aperçu de ce qui serait défait&#xa0;; refaites-le, puis essayez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Learner {learner} was registered to session {session} by run {run} ({who}) since the revert was planned; try the revert again: nothing was written to {path}.</source>
        <translation>L&apos;apprenant {learner} a été inscrit à la session {session} par l&apos;exécution {run} ({who}) depuis l&apos;aperçu de ce qui serait défait&#xa0;; refaites-le, puis essayez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Learner {learner} was registered to session {session} by run {run} since the revert was planned; try the revert again: nothing was written to {path}.</source>
        <translation>L&apos;apprenant {learner} a été inscrit à la session {session} par l&apos;exécution {run} depuis l&apos;aperçu de ce qui serait défait&#xa0;; refaites-le, puis essayez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>Learner {learner} was registered to session {session} by another program since the revert was planned; try the revert again: nothing was written to {path}.</source>
        <translation>L&apos;apprenant {learner} a été inscrit à la session {session} par un autre programme depuis l&apos;aperçu de ce qui serait défait&#xa0;; refaites-le, puis essayez à nouveau&#xa0;: rien n&apos;a été écrit dans {path}.</translation>
    </message>
    <message>
        <source>the file ends inside line 1, without the line break the platform ends every line with: it was cut short; export the file again.</source>
        <translation>le fichier se termine au milieu de la ligne 1, sans le saut de ligne par lequel la plateforme termine chaque ligne&#xa0;: il a été tronqué&#xa0;; exportez à nouveau le fichier.</translation>
    </message>
    <message>
        <source>IMPORTER_GUI_CHECK_MEMORY_MB={value} is not a number of megabytes: set a whole number such as 2048, or remove it to let a check use a quarter of the machine&apos;s memory.</source>
        <translation>IMPORTER_GUI_CHECK_MEMORY_MB={value} n&apos;est pas un nombre de mégaoctets&#xa0;: indiquez un nombre entier comme 2048, ou retirez-la pour qu&apos;une vérification utilise le quart de la mémoire de la machine.</translation>
    </message>
    <message>
        <source>IMPORTER_GUI_CHECK_MEMORY_MB={value} is too small: a check needs more than the 256 MB the program itself takes; set more, or remove it to let a check use a quarter of the machine&apos;s memory.</source>
        <translation>IMPORTER_GUI_CHECK_MEMORY_MB={value} est trop petit&#xa0;: une vérification a besoin de plus que les 256 Mo que prend le programme lui-même&#xa0;; indiquez davantage, ou retirez-la pour qu&apos;une vérification utilise le quart de la mémoire de la machine.</translation>
    </message>
    <message>
        <source>reading this file would take about {cost} MB of memory ({why}), more than the {budget} MB set by IMPORTER_GUI_CHECK_MEMORY_MB ({files} MB for the files once the program&apos;s 256 MB are set aside{taken}): raise it, or split the file</source>
        <translation>lire ce fichier prendrait environ {cost} Mo de mémoire ({why}), plus que les {budget} Mo fixés par IMPORTER_GUI_CHECK_MEMORY_MB ({files} Mo pour les fichiers une fois mis de côté les 256 Mo du programme{taken})&#xa0;: augmentez-la, ou découpez le fichier</translation>
    </message>
    <message>
        <source>reading this file would take about {cost} MB of memory ({why}), more than the {budget} MB a check may use on this machine (a quarter of its memory, at least 1024 MB; {files} MB for the files once the program&apos;s 256 MB are set aside{taken}): set IMPORTER_GUI_CHECK_MEMORY_MB to more megabytes, or split the file</source>
        <translation>lire ce fichier prendrait environ {cost} Mo de mémoire ({why}), plus que les {budget} Mo qu&apos;une vérification peut utiliser sur cette machine (le quart de sa mémoire, au moins 1024 Mo&#xa0;; {files} Mo pour les fichiers une fois mis de côté les 256 Mo du programme{taken})&#xa0;: donnez à IMPORTER_GUI_CHECK_MEMORY_MB plus de mégaoctets, ou découpez le fichier</translation>
    </message>
    <message>
        <source>reading this file would take about {cost} MB of memory ({why}), more than the {budget} MB this process may address (its limit, ulimit -v; {files} MB for the files once the program&apos;s 256 MB are set aside{taken}): raise that limit, or split the file</source>
        <translation>lire ce fichier prendrait environ {cost} Mo de mémoire ({why}), plus que les {budget} Mo que ce processus peut adresser (sa limite, ulimit -v&#xa0;; {files} Mo pour les fichiers une fois mis de côté les 256 Mo du programme{taken})&#xa0;: augmentez cette limite, ou découpez le fichier</translation>
    </message>
    <message>
        <source> — other files take {others} MB of it</source>
        <translation> — d&apos;autres fichiers en prennent {others} Mo</translation>
    </message>
    <message>
        <source>not a spreadsheet: it is a PNG image; choose a workbook or a CSV file</source>
        <translation>ce n&apos;est pas un tableur&#xa0;: c&apos;est une image PNG&#xa0;; choisissez un classeur ou un fichier CSV</translation>
    </message>
    <message>
        <source>not a spreadsheet: it is a JPEG image; choose a workbook or a CSV file</source>
        <translation>ce n&apos;est pas un tableur&#xa0;: c&apos;est une image JPEG&#xa0;; choisissez un classeur ou un fichier CSV</translation>
    </message>
    <message>
        <source>not a spreadsheet: it is a GIF image; choose a workbook or a CSV file</source>
        <translation>ce n&apos;est pas un tableur&#xa0;: c&apos;est une image GIF&#xa0;; choisissez un classeur ou un fichier CSV</translation>
    </message>
    <message>
        <source>not a spreadsheet: it is a PDF document; choose a workbook or a CSV file</source>
        <translation>ce n&apos;est pas un tableur&#xa0;: c&apos;est un document PDF&#xa0;; choisissez un classeur ou un fichier CSV</translation>
    </message>
    <message>
        <source>not a spreadsheet: it is a Word document; choose a workbook or a CSV file</source>
        <translation>ce n&apos;est pas un tableur&#xa0;: c&apos;est un document Word&#xa0;; choisissez un classeur ou un fichier CSV</translation>
    </message>
    <message>
        <source>not a spreadsheet: it is a PowerPoint presentation; choose a workbook or a CSV file</source>
        <translation>ce n&apos;est pas un tableur&#xa0;: c&apos;est une présentation PowerPoint&#xa0;; choisissez un classeur ou un fichier CSV</translation>
    </message>
    <message>
        <source>not a spreadsheet: it is an OpenDocument text; choose a workbook or a CSV file</source>
        <translation>ce n&apos;est pas un tableur&#xa0;: c&apos;est un texte OpenDocument&#xa0;; choisissez un classeur ou un fichier CSV</translation>
    </message>
    <message>
        <source>not a spreadsheet: it is a zip archive; choose a workbook or a CSV file</source>
        <translation>ce n&apos;est pas un tableur&#xa0;: c&apos;est une archive zip&#xa0;; choisissez un classeur ou un fichier CSV</translation>
    </message>
    <message>
        <source>not a spreadsheet: it is an Office document that is not an .xls workbook; choose a workbook or a CSV file</source>
        <translation>ce n&apos;est pas un tableur&#xa0;: c&apos;est un document Office qui n&apos;est pas un classeur .xls&#xa0;; choisissez un classeur ou un fichier CSV</translation>
    </message>
    <message>
        <source>not a workbook the assistant reads: it is an Excel binary workbook (.xlsb); open it in Excel and save it as an Excel workbook (.xlsx)</source>
        <translation>ce n&apos;est pas un classeur que l&apos;assistant lit&#xa0;: c&apos;est un classeur binaire Excel (.xlsb)&#xa0;; ouvrez-le dans Excel et enregistrez-le comme classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <source>this is an Excel workbook under another name; rename it to end in .xlsx to read it</source>
        <translation>c&apos;est un classeur Excel sous un autre nom&#xa0;; renommez-le en .xlsx pour le lire</translation>
    </message>
    <message>
        <source>this is an OpenDocument spreadsheet under another name; rename it to end in .ods to read it</source>
        <translation>c&apos;est un classeur OpenDocument sous un autre nom&#xa0;; renommez-le en .ods pour le lire</translation>
    </message>
    <message>
        <source>this is an Excel 97-2003 workbook under another name; rename it to end in .xls to read it</source>
        <translation>c&apos;est un classeur Excel 97-2003 sous un autre nom&#xa0;; renommez-le en .xls pour le lire</translation>
    </message>
    <message>
        <source>{path} is a file this check reads (a data file or its configuration): a report or a copy cannot replace it; choose another name.</source>
        <translation>{path} est un fichier que cette vérification lit (un fichier de données ou sa configuration)&#xa0;: un rapport ou une copie ne peut pas le remplacer&#xa0;; choisissez un autre nom.</translation>
    </message>
    <message>
        <source>The error log folder {folder} cannot be created ({reason}); the rows were committed as run {run}.</source>
        <translation>Le dossier du journal d&apos;erreurs {folder} ne peut pas être créé ({reason})&#xa0;; les lignes ont été validées dans l&apos;exécution {run}.</translation>
    </message>
    <message>
        <source>{error}; the rows were committed as run {run}.</source>
        <translation>{error}&#xa0;; les lignes ont été validées dans l&apos;exécution {run}.</translation>
    </message>
    <message>
        <source>Not enough memory to write the error log in {folder}; the rows were committed as run {run}.</source>
        <translation>Pas assez de mémoire pour écrire le journal d&apos;erreurs dans {folder}&#xa0;; les lignes ont été validées dans l&apos;exécution {run}.</translation>
    </message>
    <message>
        <source>Interrupted while writing the error logs; the rows were committed as run {run}.</source>
        <translation>Interrompu pendant l&apos;écriture des journaux d&apos;erreurs&#xa0;; les lignes ont été validées dans l&apos;exécution {run}.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Formateur</translation>
    </message>
    <message>
        <source>Training course</source>
        <translation>Formation</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Salle</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Intervention</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entité</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Apprenant</translation>
    </message>
    <message>
        <source>Learning object</source>
        <translation>Objet pédagogique</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Inscription</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>masculine</source>
        <comment>grammatical gender of Teacher</comment>
        <translation>masculin</translation>
    </message>
    <message>
        <source>masculine</source>
        <comment>grammatical gender of Training course</comment>
        <translation>féminin</translation>
    </message>
    <message>
        <source>masculine</source>
        <comment>grammatical gender of Session</comment>
        <translation>féminin</translation>
    </message>
    <message>
        <source>masculine</source>
        <comment>grammatical gender of Room</comment>
        <translation>féminin</translation>
    </message>
    <message>
        <source>masculine</source>
        <comment>grammatical gender of Intervention</comment>
        <translation>féminin</translation>
    </message>
    <message>
        <source>masculine</source>
        <comment>grammatical gender of Entity</comment>
        <translation>féminin</translation>
    </message>
    <message>
        <source>masculine</source>
        <comment>grammatical gender of Learner</comment>
        <translation>masculin</translation>
    </message>
    <message>
        <source>masculine</source>
        <comment>grammatical gender of Learning object</comment>
        <translation>masculin</translation>
    </message>
    <message>
        <source>masculine</source>
        <comment>grammatical gender of Registration</comment>
        <translation>féminin</translation>
    </message>
    <message>
        <source>masculine</source>
        <comment>grammatical gender of Tracking</comment>
        <translation>masculin</translation>
    </message>
    <message>
        <source>feminine</source>
        <translation>féminin</translation>
    </message>
    <message>
        <source>the %1</source>
        <comment>before a vowel</comment>
        <translation>l&apos;%1</translation>
    </message>
    <message>
        <source>the %1</source>
        <comment>feminine</comment>
        <translation>la %1</translation>
    </message>
    <message>
        <source>the %1</source>
        <comment>masculine</comment>
        <translation>le %1</translation>
    </message>
    <message>
        <source>teachers</source>
        <translation>formateurs</translation>
    </message>
    <message>
        <source>training courses</source>
        <translation>formations</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>sessions</translation>
    </message>
    <message>
        <source>rooms</source>
        <translation>salles</translation>
    </message>
    <message>
        <source>interventions</source>
        <translation>interventions</translation>
    </message>
    <message>
        <source>entities</source>
        <translation>entités</translation>
    </message>
    <message>
        <source>learners</source>
        <translation>apprenants</translation>
    </message>
    <message>
        <source>learning objects</source>
        <translation>objets pédagogiques</translation>
    </message>
    <message>
        <source>registrations</source>
        <translation>inscriptions</translation>
    </message>
    <message>
        <source>tracking</source>
        <translation>suivi</translation>
    </message>
    <message>
        <source>GUID</source>
        <translation>GUID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Champs personnalisés</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Learning object code</source>
        <translation>Code de l&apos;objet pédagogique</translation>
    </message>
    <message>
        <source>Learning object GUID</source>
        <translation>GUID de l&apos;objet pédagogique</translation>
    </message>
    <message>
        <source>Time spent (seconds)</source>
        <translation>Temps passé (secondes)</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Parent entity</source>
        <translation>Entité parente</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>N° d&apos;enregistrement</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Field {field} is longer than {limit} characters ({length}).</source>
        <translation>Champ {field}&#xa0;: plus de {limit} caractères ({length}).</translation>
    </message>
    <message>
        <source>Field {field}: {value} is not one of {codes}.</source>
        <translation>Champ {field}&#xa0;: {value} n&apos;est pas l&apos;une des valeurs {codes}.</translation>
    </message>
    <message>
        <source>Field {field}: {value} is not a whole number.</source>
        <translation>Champ {field}&#xa0;: {value} n&apos;est pas un nombre entier.</translation>
    </message>
    <message>
        <source>Field {field}: {value} is not a date in the format {format}.</source>
        <translation>Champ {field}&#xa0;: {value} n&apos;est pas une date au format {format}.</translation>
    </message>
    <message>
        <source>Field {field}: {value} is not an e-mail address.</source>
        <translation>Champ {field}&#xa0;: {value} n&apos;est pas une adresse électronique.</translation>
    </message>
    <message>
        <source>Field {field}: {value} is out of range; the store holds whole numbers from {low} to {high}.</source>
        <translation>Champ {field}&#xa0;: {value} est hors limites&#xa0;; la base accepte les nombres entiers de {low} à {high}.</translation>
    </message>
    <message>
        <source>Field {field}: {value} cannot be an id; an id given in a file is a whole number from {low} to {high}.</source>
        <translation>Champ {field}&#xa0;: {value} ne peut pas être un identifiant&#xa0;; un identifiant donné dans un fichier est un nombre entier de {low} à {high}.</translation>
    </message>
    <message>
        <source>Field {field}: {value} holds characters that cannot be seen ({chars}); is it the code you meant?</source>
        <translation>Champ {field}&#xa0;: {value} contient des caractères invisibles ({chars})&#xa0;; est-ce bien le code voulu&#xa0;?</translation>
    </message>
    <message>
        <source>Field {field}: the cell holds {value} (not a number) where a date or number was expected.</source>
        <translation>Champ {field}&#xa0;: la cellule contient {value} (pas un nombre) là où une date ou un nombre était attendu.</translation>
    </message>
    <message>
        <source>Field {field}: the value holds invisible control characters (bytes this encoding reads so, which Windows-1252 reads as ’, –, € and the like): declare the file as WINDOWS-1252.</source>
        <translation>Champ {field}&#xa0;: la valeur contient des caractères de contrôle invisibles (des octets que cet encodage lit ainsi et que Windows-1252 lit ’, –, € et semblables)&#xa0;: déclarez le fichier en WINDOWS-1252.</translation>
    </message>
    <message>
        <source>Field {field}: {value} is an Excel formula that shows the text between its quotes; the platform would store the formula itself: write the value alone, without = and the quotes.</source>
        <translation>Champ {field}&#xa0;: {value} est une formule Excel qui affiche le texte entre ses guillemets&#xa0;; la plateforme enregistrerait la formule elle-même&#xa0;: écrivez la valeur seule, sans le = ni les guillemets.</translation>
    </message>
    <message>
        <source>Field {field}: the value holds a NUL character (written _x0000_ in the workbook), which neither the platform nor the store can keep; remove it from the cell.</source>
        <translation>Champ {field}&#xa0;: la valeur contient un caractère NUL (écrit _x0000_ dans le classeur), que ni la plateforme ni la base ne peuvent garder&#xa0;; retirez-le de la cellule.</translation>
    </message>
    <message>
        <source>Field {field}: the cell {cell} should give the number of one of the workbook&apos;s shared texts but holds {value}; the workbook is damaged: type the cell&apos;s text again in a spreadsheet and save it.</source>
        <translation>Champ {field}&#xa0;: la cellule {cell} devrait donner le numéro d&apos;un des textes partagés du classeur mais contient {value}&#xa0;; le classeur est endommagé&#xa0;: saisissez à nouveau le texte de la cellule dans un tableur et enregistrez-le.</translation>
    </message>
    <message>
        <source>Field {field}: the cell {cell} is formatted as a date or time but holds {value}, a number below zero, which is no date or time (Excel shows ####); type the date, or format the cell as a number.</source>
        <translation>Champ {field}&#xa0;: la cellule {cell} a un format de date ou d&apos;heure mais contient {value}, un nombre inférieur à zéro, qui n&apos;est ni une date ni une heure (Excel affiche ####)&#xa0;; saisissez la date, ou donnez à la cellule un format de nombre.</translation>
    </message>
    <message>
        <source>Field {field}: {value} is a day that never was (Excel counts a 29 February in 1900, which was not a leap year).</source>
        <translation>Champ {field}&#xa0;: {value} est un jour qui n&apos;a jamais existé (Excel compte un 29 février en 1900, qui n&apos;était pas bissextile).</translation>
    </message>
    <message>
        <source>Field {field}: the workbook&apos;s date {value} may be Excel&apos;s 29/02/1900, a day that never was, and an .xls file cannot tell; type the date as text.</source>
        <translation>Champ {field}&#xa0;: la date {value} du classeur peut être le 29/02/1900 d&apos;Excel, un jour qui n&apos;a jamais existé, et un fichier .xls ne permet pas de le savoir&#xa0;; saisissez la date comme texte.</translation>
    </message>
    <message>
        <source>The line repeats the header line: are two files joined one after the other? Delete the line; it is not read.</source>
        <translation>La ligne répète la ligne d&apos;en-tête&#xa0;: deux fichiers ont-ils été mis bout à bout&#xa0;? Supprimez la ligne&#xa0;; elle n&apos;est pas lue.</translation>
    </message>
    <message>
        <source>The workbook reader cannot convert a cell of this line ({detail}): a date or time far out of range, perhaps; the line is not read.</source>
        <translation>Le lecteur de classeurs ne peut pas convertir une cellule de cette ligne (son message, en anglais&#xa0;: {detail})&#xa0;: une date ou une heure très hors limites, peut-être&#xa0;; la ligne n&apos;est pas lue.</translation>
    </message>
    <message>
        <source>The line holds {count} of the {mapped} values the configuration maps; the missing ones are read as empty.</source>
        <translation>La ligne contient {count} des {mapped} valeurs que la configuration associe&#xa0;; celles qui manquent sont lues vides.</translation>
    </message>
    <message>
        <source>The line has {count} values where the configuration maps {mapped}; the values after the first {mapped} are not read.</source>
        <translation>La ligne a {count} valeurs là où la configuration en associe {mapped}&#xa0;; les valeurs après les {mapped} premières ne sont pas lues.</translation>
    </message>
    <message>
        <source>Field {field}: no teacher has the login {login}.</source>
        <translation>Champ {field}&#xa0;: aucun formateur n&apos;a l&apos;identifiant {login}.</translation>
    </message>
    <message>
        <source>Field {field}: no training course has the id {id}.</source>
        <translation>Champ {field}&#xa0;: aucune formation n&apos;a l&apos;identifiant {id}.</translation>
    </message>
    <message>
        <source>Field {field}: {id} is not the id of training course {code}.</source>
        <translation>Champ {field}&#xa0;: {id} n&apos;est pas l&apos;identifiant de la formation {code}.</translation>
    </message>
    <message>
        <source>Field {field}: {value} is not the title of training course {code} ({title}); the training course is not changed.</source>
        <translation>Champ {field}&#xa0;: {value} n&apos;est pas le titre de la formation {code} ({title})&#xa0;; la formation n&apos;est pas modifiée.</translation>
    </message>
    <message>
        <source>Fields {fields} are both empty: one of them must name the training course.</source>
        <translation>Les champs {fields} sont tous deux vides&#xa0;: l&apos;un d&apos;eux doit désigner la formation.</translation>
    </message>
    <message>
        <source>Deleting what the exports lack leaves the interventions {file} does not match: without a GUID, an export cannot say which are gone.</source>
        <translation>La suppression de ce que les exports n&apos;ont pas laisse les interventions que {file} ne rapproche pas&#xa0;: sans GUID, un export ne peut pas dire lesquelles ont disparu.</translation>
    </message>
    <message>
        <source>Deleting what the exports lack leaves the registrations {file} lacks: it lists activities, and a registration without any is not in it.</source>
        <translation>La suppression de ce que les exports n&apos;ont pas laisse les inscriptions absentes de {file}&#xa0;: il liste des activités, et une inscription sans activité n&apos;y figure pas.</translation>
    </message>
    <message>
        <source>&lt;{provider}&gt; exports classroom events without their session or the intervention GUID the store finds an intervention by, so a refresh cannot match them; export them with eventSessionMetadataProvider.</source>
        <translation>&lt;{provider}&gt; exporte des événements en classe sans leur session ni le GUID d&apos;intervention par lequel la base retrouve une intervention, une actualisation ne peut donc pas les rapprocher&#xa0;; exportez-les avec eventSessionMetadataProvider.</translation>
    </message>
    <message>
        <source>&lt;{action}&gt; writes {format}; a refresh reads the CSV and TSV formats only.</source>
        <translation>&lt;{action}&gt; écrit du {format}&#xa0;; une actualisation ne lit que les formats CSV et TSV.</translation>
    </message>
    <message>
        <source>&lt;{provider}&gt; has none of the columns {columns}; a refresh needs one of them to find each record.</source>
        <translation>&lt;{provider}&gt; n&apos;a aucune des colonnes {columns}&#xa0;; une actualisation a besoin de l&apos;une d&apos;elles pour retrouver chaque enregistrement.</translation>
    </message>
    <message>
        <source>Fields {fields} are both empty: one of them must name the learning object.</source>
        <translation>Les champs {fields} sont tous deux vides&#xa0;: l&apos;un d&apos;eux doit désigner l&apos;objet pédagogique.</translation>
    </message>
    <message>
        <source>Field {field}: {login} is already the login of another learner in the store ({other}); it is not changed.</source>
        <translation>Champ {field}&#xa0;: {login} est déjà l&apos;identifiant d&apos;un autre apprenant de la base ({other})&#xa0;; il n&apos;est pas modifié.</translation>
    </message>
    <message>
        <source>Field {field}: no learner has the login {login}, in the store or in the export; the learner&apos;s manager is left as it was.</source>
        <translation>Champ {field}&#xa0;: aucun apprenant n&apos;a l&apos;identifiant {login}, ni dans la base ni dans l&apos;export&#xa0;; le responsable de l&apos;apprenant reste tel quel.</translation>
    </message>
    <message>
        <source>Field {field}: {code} is already the code of another training course in the store ({guid}); it is not renamed.</source>
        <translation>Champ {field}&#xa0;: {code} est déjà le code d&apos;une autre formation de la base ({guid})&#xa0;; elle n&apos;est pas renommée.</translation>
    </message>
    <message>
        <source>Field {field}: session {guid} is in the store under training course {was}; it moves to {now}.</source>
        <translation>Champ {field}&#xa0;: la session {guid} est dans la base sous la formation {was}&#xa0;; elle passe sous {now}.</translation>
    </message>
    <message>
        <source>Fields {fields} are all empty: one of them must name the training course.</source>
        <translation>Les champs {fields} sont tous vides&#xa0;: l&apos;un d&apos;eux doit désigner la formation.</translation>
    </message>
    <message>
        <source>Fields {fields} are both empty: one of them must name the session.</source>
        <translation>Les champs {fields} sont tous deux vides&#xa0;: l&apos;un d&apos;eux doit désigner la session.</translation>
    </message>
    <message>
        <source>Not in the export: {record}, deleted.</source>
        <translation>Absent de l&apos;export, donc supprimé&#xa0;: {record}.</translation>
    </message>
    <message>
        <source>training course {code} &quot;{title}&quot;</source>
        <translation>la formation {code} «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>session &quot;{title}&quot; of training course {code}</source>
        <translation>la session «&#xa0;{title}&#xa0;» de la formation {code}</translation>
    </message>
    <message>
        <source>learning object {code}</source>
        <translation>l&apos;objet pédagogique {code}</translation>
    </message>
    <message>
        <source>registration of learner {login} to session &quot;{session}&quot;</source>
        <translation>l&apos;inscription de l&apos;apprenant {login} à la session «&#xa0;{session}&#xa0;»</translation>
    </message>
    <message>
        <source>tracking of learner {login} in learning object {code} of session &quot;{session}&quot;</source>
        <translation>le suivi de l&apos;apprenant {login} dans l&apos;objet pédagogique {code} de la session «&#xa0;{session}&#xa0;»</translation>
    </message>
    <message>
        <source>The line holds {count} of the file&apos;s {width} columns, and the platform writes them all: the line was cut short, so this row is left out (export the file again).</source>
        <translation>La ligne contient {count} des {width} colonnes du fichier, et la plateforme les écrit toutes&#xa0;: la ligne a été tronquée, elle est donc laissée de côté (exportez à nouveau le fichier).</translation>
    </message>
    <message>
        <source>The file ends inside this line, without the line break the platform ends every line with: it was cut short, so this row is left out (export the file again).</source>
        <translation>Le fichier se termine au milieu de cette ligne, sans le saut de ligne par lequel la plateforme termine chaque ligne&#xa0;: il a été tronqué, cette ligne est donc laissée de côté (exportez à nouveau le fichier).</translation>
    </message>
    <message>
        <source>&lt;{provider}&gt; writes times as {format}, a timeGlobalFormat the platform does not document; give it one of {formats}.</source>
        <translation>&lt;{provider}&gt; écrit les durées en {format}, un timeGlobalFormat que la plateforme ne documente pas&#xa0;; donnez-lui l&apos;un de {formats}.</translation>
    </message>
    <message>
        <source>Field {field}: {value} is not a time spent in minutes, as timeGlobalFormat rawMinutes writes it (90.50 for an hour and a half).</source>
        <translation>Champ {field}&#xa0;: {value} n&apos;est pas un temps passé en minutes, tel que timeGlobalFormat rawMinutes l&apos;écrit (90.50 pour une heure et demie).</translation>
    </message>
    <message>
        <source>Field {field}: {value} is not a time spent in hours and minutes, as timeGlobalFormat padded writes it (hhh:ii: 001:30 for an hour and a half).</source>
        <translation>Champ {field}&#xa0;: {value} n&apos;est pas un temps passé en heures et minutes, tel que timeGlobalFormat padded l&apos;écrit (hhh:ii&#xa0;: 001:30 pour une heure et demie).</translation>
    </message>
    <message>
        <source>Field {field}: {value} is not a time spent in hours and minutes, as timeGlobalFormat paddedhh writes it (hh:ii: 01:30 for an hour and a half).</source>
        <translation>Champ {field}&#xa0;: {value} n&apos;est pas un temps passé en heures et minutes, tel que timeGlobalFormat paddedhh l&apos;écrit (hh:ii&#xa0;: 01:30 pour une heure et demie).</translation>
    </message>
    <message>
        <source>Deleting what the exports lack is refused: &lt;{provider}&gt; chooses its rows with {parameters}, so the records it leaves out are not gone from the platform.</source>
        <translation>La suppression de ce que les exports n&apos;ont pas est refusée&#xa0;: &lt;{provider}&gt; choisit ses lignes avec {parameters}, les enregistrements qu&apos;il laisse de côté n&apos;ont donc pas disparu de la plateforme.</translation>
    </message>
    <message>
        <source>What the store holds and {file} lacks was not deleted: rows of it have errors ({count}), and the records they name would be deleted; fix them first.</source>
        <translation>Ce que la base contient et que {file} n&apos;a pas n&apos;a pas été supprimé&#xa0;: des lignes du fichier ont des erreurs ({count}), et les enregistrements qu&apos;elles désignent seraient supprimés&#xa0;; corrigez-les d&apos;abord.</translation>
    </message>
    <message>
        <source>Field {field}: no learner {value} in the store; refresh the learners&apos; export first (before this one in the same export configuration).</source>
        <translation>Champ {field}&#xa0;: aucun apprenant {value} dans la base&#xa0;; actualisez d&apos;abord l&apos;export des apprenants (avant celui-ci dans la même configuration d&apos;export).</translation>
    </message>
    <message>
        <source>Field {field}: no session {value} in the store; refresh the sessions&apos; export first (before this one in the same export configuration).</source>
        <translation>Champ {field}&#xa0;: aucune session {value} dans la base&#xa0;; actualisez d&apos;abord l&apos;export des sessions (avant celui-ci dans la même configuration d&apos;export).</translation>
    </message>
    <message>
        <source>Field {field}: {count} sessions are titled {value} in the store; the export needs sessionGuid to tell which.</source>
        <translation>Champ {field}&#xa0;: {count} sessions s&apos;intitulent {value} dans la base&#xa0;; l&apos;export a besoin de sessionGuid pour savoir laquelle.</translation>
    </message>
    <message>
        <source>Field {field}: {guid} is already the GUID of another registration in the store; this one is not changed.</source>
        <translation>Champ {field}&#xa0;: {guid} est déjà le GUID d&apos;une autre inscription de la base&#xa0;; celle-ci n&apos;est pas modifiée.</translation>
    </message>
    <message>
        <source>Field {field}: {value} is not a date and time as {format} (or its date alone).</source>
        <translation>Champ {field}&#xa0;: {value} n&apos;est pas une date et heure au format {format} (ni sa date seule).</translation>
    </message>
    <message>
        <source>No intervention of session {session} starts at {start}{room}: not created, since the export gives no intervention GUID and an import naming this one would then create it a second time.</source>
        <translation>Aucune intervention de la session {session} ne commence le {start}{room}&#xa0;: non créée, car l&apos;export ne donne pas de GUID d&apos;intervention et un import qui la nommerait la créerait alors une seconde fois.</translation>
    </message>
    <message>
        <source> in room {room}</source>
        <translation> dans la salle {room}</translation>
    </message>
    <message>
        <source>Field {field}: {value} looks like UTF-8 text that was read as {encoding} before it was saved; once repaired it reads {repaired}. Correct the file unless the text is meant.</source>
        <translation>Champ {field}&#xa0;: {value} ressemble à un texte UTF-8 lu comme du {encoding} avant d&apos;être enregistré&#xa0;; réparé, il se lit {repaired}. Corrigez le fichier, sauf si ce texte est voulu.</translation>
    </message>
    <message>
        <source>Field {field}: {value} holds �, the sign a program puts where it could not read a letter: the letter was lost before the file reached us and cannot be guessed. Take the file again from its source.</source>
        <translation>Champ {field}&#xa0;: {value} contient �, le signe qu&apos;un programme met là où il n&apos;a pas pu lire une lettre&#xa0;: la lettre a été perdue avant que le fichier nous parvienne et ne peut pas être devinée. Reprenez le fichier à sa source.</translation>
    </message>
    <message>
        <source>Field {field} is empty: the session cannot be found (sessionSearchField is {fields}).</source>
        <translation>Le champ {field} est vide&#xa0;: la session est introuvable (sessionSearchField vaut {fields}).</translation>
    </message>
    <message>
        <source>No session matches this row: there is nothing to delete.</source>
        <translation>Aucune session ne correspond à cette ligne&#xa0;: il n&apos;y a rien à supprimer.</translation>
    </message>
    <message>
        <source>Field {field}: {guid} is already the GUID of training course {code}.</source>
        <translation>Champ {field}&#xa0;: {guid} est déjà le GUID de la formation {code}.</translation>
    </message>
    <message>
        <source>fullAccess is no: {record} was not created by an import, so this import may not change it.</source>
        <translation>fullAccess vaut no&#xa0;: {record} ne vient d&apos;aucun import, cet import ne peut donc rien y changer.</translation>
    </message>
    <message>
        <source>session {title}</source>
        <translation>la session {title}</translation>
    </message>
    <message>
        <source>training course {code}</source>
        <translation>la formation {code}</translation>
    </message>
    <message>
        <source>Line {line} of this file already sets this learner; this row&apos;s values are applied after it.</source>
        <translation>La ligne {line} de ce fichier crée ou modifie déjà cet apprenant&#xa0;; les valeurs de cette ligne-ci s&apos;appliquent après les siennes.</translation>
    </message>
    <message>
        <source>Line {line} of this file already sets this training course; this row&apos;s values are applied after it.</source>
        <translation>La ligne {line} de ce fichier crée ou modifie déjà cette formation&#xa0;; les valeurs de cette ligne-ci s&apos;appliquent après les siennes.</translation>
    </message>
    <message>
        <source>Line {line} of this file already sets this session; this row&apos;s values are applied after it.</source>
        <translation>La ligne {line} de ce fichier crée ou modifie déjà cette session&#xa0;; les valeurs de cette ligne-ci s&apos;appliquent après les siennes.</translation>
    </message>
    <message>
        <source>Line {line} of this file already sets this teacher; this row&apos;s values are applied after it.</source>
        <translation>La ligne {line} de ce fichier crée ou modifie déjà ce formateur&#xa0;; les valeurs de cette ligne-ci s&apos;appliquent après les siennes.</translation>
    </message>
    <message>
        <source>Line {line} of this file already sets this intervention; this row&apos;s values are applied after it.</source>
        <translation>La ligne {line} de ce fichier crée ou modifie déjà cette intervention&#xa0;; les valeurs de cette ligne-ci s&apos;appliquent après les siennes.</translation>
    </message>
    <message>
        <source>Line {line} of this file already sets this room; this row&apos;s values are applied after it.</source>
        <translation>La ligne {line} de ce fichier crée ou modifie déjà cette salle&#xa0;; les valeurs de cette ligne-ci s&apos;appliquent après les siennes.</translation>
    </message>
    <message>
        <source> (II: minutes)</source>
        <translation> (II&#xa0;: minutes)</translation>
    </message>
    <message>
        <source>No column holds sessionTitle: for a new registration the platform renames session {old} to &quot;{new}&quot;.</source>
        <translation>Aucune colonne ne contient sessionTitle&#xa0;: pour une nouvelle inscription, la plateforme renomme la session {old} en «&#xa0;{new}&#xa0;».</translation>
    </message>
    <message>
        <source>Session {title} is not updated: {reason}.</source>
        <translation>La session {title} n&apos;est pas mise à jour&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>No session &apos;{title}&apos; in {code}; &apos;{near}&apos; exists: this row creates a new session.</source>
        <translation>Aucune session «&#xa0;{title}&#xa0;» dans {code}&#xa0;; «&#xa0;{near}&#xa0;» existe&#xa0;: cette ligne crée une nouvelle session.</translation>
    </message>
    <message>
        <source>dontUpdateExistingSessions is yes</source>
        <translation>dontUpdateExistingSessions vaut yes</translation>
    </message>
    <message>
        <source>fullAccess is no and no import created it</source>
        <translation>fullAccess vaut no et aucun import ne l&apos;a créée</translation>
    </message>
    <message>
        <source>Session {title} has no learner left but is kept: fullAccess is no and no import created it.</source>
        <translation>La session {title} n&apos;a plus d&apos;apprenant mais est conservée&#xa0;: fullAccess vaut no et aucun import ne l&apos;a créée.</translation>
    </message>
    <message>
        <source>Field {field}: {guid} is already the GUID of another registration.</source>
        <translation>Champ {field}&#xa0;: {guid} est déjà le GUID d&apos;une autre inscription.</translation>
    </message>
    <message>
        <source>the registration of {learner} to session {title}</source>
        <translation>l&apos;inscription de {learner} à la session {title}</translation>
    </message>
    <message>
        <source>Field {field}: no learner has {value}.</source>
        <translation>Champ {field}&#xa0;: aucun apprenant n&apos;a {value}.</translation>
    </message>
    <message>
        <source>Field {field}: no training course has {value}.</source>
        <translation>Champ {field}&#xa0;: aucune formation n&apos;a {value}.</translation>
    </message>
    <message>
        <source>Field {field}: no session has {value}.</source>
        <translation>Champ {field}&#xa0;: aucune session n&apos;a {value}.</translation>
    </message>
    <message>
        <source>Field {field}: no session has the id {value}.</source>
        <translation>Champ {field}&#xa0;: aucune session n&apos;a l&apos;identifiant {value}.</translation>
    </message>
    <message>
        <source>Field {field}: session {value} is not a session of training course {code}.</source>
        <translation>Champ {field}&#xa0;: la session {value} n&apos;est pas une session de la formation {code}.</translation>
    </message>
    <message>
        <source>Field {field}: no learning object has {value}.</source>
        <translation>Champ {field}&#xa0;: aucun objet pédagogique n&apos;a {value}.</translation>
    </message>
    <message>
        <source>Field {field}: {value} is not one of the learning objects of training course {code} ({codes}).</source>
        <translation>Champ {field}&#xa0;: {value} n&apos;est pas l&apos;un des objets pédagogiques de la formation {code} ({codes}).</translation>
    </message>
    <message>
        <source>No tracking matches this row: there is nothing to reset.</source>
        <translation>Aucun suivi ne correspond à cette ligne&#xa0;: il n&apos;y a rien à remettre à zéro.</translation>
    </message>
    <message>
        <source>timeZone {zone} is not a time zone of the tz database (such as Europe/Paris).</source>
        <translation>timeZone {zone} n&apos;est pas un fuseau horaire de la base tz (comme Europe/Paris).</translation>
    </message>
    <message>
        <source>Field {field} is empty: the learner cannot be found (traineeSearchField is {fields}).</source>
        <translation>Le champ {field} est vide&#xa0;: l&apos;apprenant est introuvable (traineeSearchField vaut {fields}).</translation>
    </message>
    <message>
        <source>traineeSearchField is {fields}, and no column of the file holds it: the learner cannot be found.</source>
        <translation>traineeSearchField vaut {fields}, et aucune colonne du fichier ne le contient&#xa0;: l&apos;apprenant est introuvable.</translation>
    </message>
    <message>
        <source>Fields {fields} are all empty: one of them must name the learner.</source>
        <translation>Les champs {fields} sont tous vides&#xa0;: l&apos;un d&apos;eux doit désigner l&apos;apprenant.</translation>
    </message>
    <message>
        <source>Field {field}: no entity has the GUID {guid}.</source>
        <translation>Champ {field}&#xa0;: aucune entité n&apos;a le GUID {guid}.</translation>
    </message>
    <message>
        <source>Field {field}: no entity has the id {id}.</source>
        <translation>Champ {field}&#xa0;: aucune entité n&apos;a l&apos;identifiant {id}.</translation>
    </message>
    <message>
        <source>Fields {fields} name different entities ({names}).</source>
        <translation>Les champs {fields} désignent des entités différentes ({names}).</translation>
    </message>
    <message>
        <source>defaultEntityId is {id}, and no entity of the store has this id: the import would fail on the platform.</source>
        <translation>defaultEntityId vaut {id}, et aucune entité de la base n&apos;a cet identifiant&#xa0;: l&apos;import échouerait sur la plateforme.</translation>
    </message>
    <message>
        <source>Field {field}: no learner has the login {value}.</source>
        <translation>Champ {field}&#xa0;: aucun apprenant n&apos;a l&apos;identifiant {value}.</translation>
    </message>
    <message>
        <source>Field {field}: no learner has the reference number {value}.</source>
        <translation>Champ {field}&#xa0;: aucun apprenant n&apos;a le matricule {value}.</translation>
    </message>
    <message>
        <source>Fields {fields} name different learners ({names}).</source>
        <translation>Les champs {fields} désignent des apprenants différents ({names}).</translation>
    </message>
    <message>
        <source>Field {field}: {value} is this learner; a learner cannot be their own manager.</source>
        <translation>Champ {field}&#xa0;: {value} est cet apprenant&#xa0;; un apprenant ne peut pas être son propre responsable.</translation>
    </message>
    <message>
        <source>Field {field}: {value} is not a time zone (such as Europe/Paris).</source>
        <translation>Champ {field}&#xa0;: {value} n&apos;est pas un fuseau horaire (comme Europe/Paris).</translation>
    </message>
    <message>
        <source>Field {field}: {value} is not a list of language codes (such as fr-FR,en-GB).</source>
        <translation>Champ {field}&#xa0;: {value} n&apos;est pas une liste de codes de langue (comme fr-FR,en-GB).</translation>
    </message>
    <message>
        <source>Field {field}: {value} means enabled until a date, and the learner has no enabledUntil date.</source>
        <translation>Champ {field}&#xa0;: {value} signifie actif jusqu&apos;à une date, et l&apos;apprenant n&apos;a pas de date enabledUntil.</translation>
    </message>
    <message>
        <source>learner {name}</source>
        <translation>l&apos;apprenant {name}</translation>
    </message>
    <message>
        <source>Field {field} is empty, yet {deeper} names a level below it ({name}).</source>
        <translation>Le champ {field} est vide, alors que {deeper} nomme un niveau en dessous ({name}).</translation>
    </message>
    <message>
        <source>Entity {name} cannot be placed under {parent}: {parent} is inside it.</source>
        <translation>L&apos;entité {name} ne peut pas être placée sous {parent}&#xa0;: {parent} est à l&apos;intérieur.</translation>
    </message>
    <message>
        <source>Entity {name} moves from {old} to {new}.</source>
        <translation>L&apos;entité {name} passe de {old} à {new}.</translation>
    </message>
    <message>
        <source>the top of the tree</source>
        <translation>le sommet de l&apos;arbre</translation>
    </message>
    <message>
        <source>Field {field}: step #{step} of {value} has an empty learning object code.</source>
        <translation>Champ {field}&#xa0;: l&apos;étape n°{step} de {value} a un code d&apos;objet pédagogique vide.</translation>
    </message>
    <message>
        <source>Field {field}: step #{step}&apos;s duration {value} is not a whole number of days.</source>
        <translation>Champ {field}&#xa0;: la durée {value} de l&apos;étape n°{step} n&apos;est pas un nombre entier de jours.</translation>
    </message>
    <message>
        <source>Field {field}: the steps of blended training course {code} can be added to, never removed or changed; its steps are kept as they are.</source>
        <translation>Champ {field}&#xa0;: on peut ajouter des étapes à la formation mixte {code}, jamais en retirer ni en modifier&#xa0;; ses étapes restent telles quelles.</translation>
    </message>
    <message>
        <source>Field {field}: an import never removes learning objects from blended training course {code}; {codes} stay in it.</source>
        <translation>Champ {field}&#xa0;: un import ne retire jamais d&apos;objets pédagogiques de la formation mixte {code}&#xa0;; {codes} y restent.</translation>
    </message>
    <message>
        <source>No training course matches this row: there is nothing to delete.</source>
        <translation>Aucune formation ne correspond à cette ligne&#xa0;: il n&apos;y a rien à supprimer.</translation>
    </message>
    <message>
        <source>Training course {code} has sessions ({count}): delete them first (sessionAction A), then the course.</source>
        <translation>La formation {code} a des sessions ({count})&#xa0;: supprimez-les d&apos;abord (sessionAction A), puis la formation.</translation>
    </message>
    <message>
        <source>Field {field} is ignored: the platform no longer reads this legacy field (it depends on a setting very few platforms have).</source>
        <translation>Le champ {field} est ignoré&#xa0;: la plateforme ne lit plus ce champ ancien (il dépend d&apos;un réglage que très peu de plateformes ont).</translation>
    </message>
    <message>
        <source>Field {field}: no training course has the title {title}.</source>
        <translation>Champ {field}&#xa0;: aucune formation n&apos;a le titre {title}.</translation>
    </message>
    <message>
        <source>Field {field}: several training courses have the title {title}; name the course by its code or id.</source>
        <translation>Champ {field}&#xa0;: plusieurs formations ont le titre {title}&#xa0;; désignez la formation par son code ou son identifiant.</translation>
    </message>
    <message>
        <source>Field {field}: no session of training course {code} has the id {id} (with this row&apos;s other search values); the platform numbers new sessions, so leave {field} empty to create one.</source>
        <translation>Champ {field}&#xa0;: aucune session de la formation {code} n&apos;a l&apos;identifiant {id} (avec les autres valeurs de recherche de cette ligne)&#xa0;; la plateforme numérote les nouvelles sessions, laissez donc {field} vide pour en créer une.</translation>
    </message>
    <message>
        <source>Fields {guid_field} and {code_field} name two different training courses: {guid} is the GUID of {other}, not of {code}.</source>
        <translation>Les champs {guid_field} et {code_field} désignent deux formations différentes&#xa0;: {guid} est le GUID de {other}, pas de {code}.</translation>
    </message>
    <message>
        <source>Field {field}: {value} is not a number.</source>
        <translation>Champ {field}&#xa0;: {value} n&apos;est pas un nombre.</translation>
    </message>
    <message>
        <source>Field {field}: {value} is not a duration (seconds, hh:ii:ss, or ISO 8601 such as PT1H25M15S).</source>
        <translation>Champ {field}&#xa0;: {value} n&apos;est pas une durée (secondes, hh:ii:ss, ou ISO 8601 comme PT1H25M15S).</translation>
    </message>
    <message>
        <source>Field {field}: {value} is not a date and time in the format {format}.</source>
        <translation>Champ {field}&#xa0;: {value} n&apos;est pas une date et heure au format {format}.</translation>
    </message>
    <message>
        <source>{subject} was deleted after run {run}{later}; skipped.</source>
        <translation>{subject}&#xa0;: supprimé après l&apos;exécution {run}{later}&#xa0;; ignoré.</translation>
    </message>
    <message>
        <source>{subject} is in the store again since run {run}{later}; skipped.</source>
        <translation>{subject}&#xa0;: à nouveau dans la base depuis l&apos;exécution {run}{later}&#xa0;; ignoré.</translation>
    </message>
    <message>
        <source>{subject} was changed after run {run}{later} ({field} is now {now}, run {run} left {left}); skipped.</source>
        <translation>{subject}&#xa0;: modifié après l&apos;exécution {run}{later} ({field} vaut maintenant {now}, l&apos;exécution {run} avait laissé {left})&#xa0;; ignoré.</translation>
    </message>
    <message>
        <source>{subject} cannot be restored: {kind} {holder} now has {field} {value}; skipped.</source>
        <translation>{subject}&#xa0;: impossible de le rétablir, {kind} {holder} a maintenant {field} {value}&#xa0;; ignoré.</translation>
    </message>
    <message>
        <source>{subject} cannot be restored: another {kind} now has {field} {value}; skipped.</source>
        <translation>{subject}&#xa0;: impossible de le rétablir, un autre {kind} a maintenant {field} {value}&#xa0;; ignoré.</translation>
    </message>
    <message>
        <source>{subject} was created by run {run}, but {referrers} {verb} to it; not deleted.</source>
        <translation>{subject}&#xa0;: créé par l&apos;exécution {run}, mais {referrers} {verb}&#xa0;; non supprimé.</translation>
    </message>
    <message>
        <source>{subject} cannot be restored: it refers to {kind} {ref}, which is not in the store; skipped.</source>
        <translation>{subject}&#xa0;: impossible de le rétablir, il a pour référence {kind} {ref}, qui n&apos;est pas dans la base&#xa0;; ignoré.</translation>
    </message>
    <message>
        <source>{subject} cannot be restored: it refers to {kind} {ref}, which run {run} deleted (revert run {run} first to bring it back); skipped.</source>
        <translation>{subject}&#xa0;: impossible de le rétablir, il a pour référence {kind} {ref}, qui n&apos;est plus dans la base depuis l&apos;exécution {run} (défaites d&apos;abord l&apos;exécution {run} pour l&apos;y remettre)&#xa0;; ignoré.</translation>
    </message>
    <message>
        <source>Platform&apos;s message: %1</source>
        <translation>Message de la plateforme&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>(runs %1)</source>
        <translation>(exécutions %1)</translation>
    </message>
    <message>
        <source>(run %1)</source>
        <translation>(exécution %1)</translation>
    </message>
    <message>
        <source>by runs %1</source>
        <translation>par les exécutions %1</translation>
    </message>
    <message>
        <source>by run %1</source>
        <translation>par l&apos;exécution %1</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 et %2</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1&#xa0;; %2</translation>
    </message>
    <message>
        <source>%1 more</source>
        <translation>%1 autres</translation>
    </message>
    <message>
        <source>{subject} was deleted after run {run}{later}; skipped.</source>
        <comment>feminine</comment>
        <translation>{subject}&#xa0;: supprimée après l&apos;exécution {run}{later}&#xa0;; ignorée.</translation>
    </message>
    <message>
        <source>{subject} is in the store again since run {run}{later}; skipped.</source>
        <comment>feminine</comment>
        <translation>{subject}&#xa0;: à nouveau dans la base depuis l&apos;exécution {run}{later}&#xa0;; ignorée.</translation>
    </message>
    <message>
        <source>{subject} was changed after run {run}{later} ({field} is now {now}, run {run} left {left}); skipped.</source>
        <comment>feminine</comment>
        <translation>{subject}&#xa0;: modifiée après l&apos;exécution {run}{later} ({field} vaut maintenant {now}, l&apos;exécution {run} avait laissé {left})&#xa0;; ignorée.</translation>
    </message>
    <message>
        <source>{subject} cannot be restored: {kind} {holder} now has {field} {value}; skipped.</source>
        <comment>feminine</comment>
        <translation>{subject}&#xa0;: impossible de la rétablir, {kind} {holder} a maintenant {field} {value}&#xa0;; ignorée.</translation>
    </message>
    <message>
        <source>{subject} cannot be restored: another {kind} now has {field} {value}; skipped.</source>
        <comment>feminine</comment>
        <translation>{subject}&#xa0;: impossible de la rétablir, une autre {kind} a maintenant {field} {value}&#xa0;; ignorée.</translation>
    </message>
    <message>
        <source>{subject} was created by run {run}, but {referrers} {verb} to it; not deleted.</source>
        <comment>feminine</comment>
        <translation>{subject}&#xa0;: créée par l&apos;exécution {run}, mais {referrers} {verb}&#xa0;; non supprimée.</translation>
    </message>
    <message>
        <source>{subject} cannot be restored: it refers to {kind} {ref}, which is not in the store; skipped.</source>
        <comment>feminine</comment>
        <translation>{subject}&#xa0;: impossible de la rétablir, elle a pour référence {kind} {ref}, qui n&apos;est pas dans la base&#xa0;; ignorée.</translation>
    </message>
    <message>
        <source>{subject} cannot be restored: it refers to {kind} {ref}, which run {run} deleted (revert run {run} first to bring it back); skipped.</source>
        <comment>feminine</comment>
        <translation>{subject}&#xa0;: impossible de la rétablir, elle a pour référence {kind} {ref}, qui n&apos;est plus dans la base depuis l&apos;exécution {run} (défaites d&apos;abord l&apos;exécution {run} pour l&apos;y remettre)&#xa0;; ignorée.</translation>
    </message>
    <message>
        <source>refers</source>
        <translation>y fait référence</translation>
    </message>
    <message>
        <source>refer</source>
        <translation>y font référence</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 ou %2</translation>
    </message>
    <message>
        <source>%1 already has %2 as %3, written by %4 since the check; check again: nothing was written to %5.</source>
        <translation>%1 a déjà %2 pour %3, écrit par %4 depuis la vérification&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans %5.</translation>
    </message>
    <message>
        <source>%1 already has %2 as %3, written by %4 since the revert was planned; try the revert again: nothing was written to %5.</source>
        <translation>%1 a déjà %2 pour %3, écrit par %4 depuis l&apos;aperçu de ce qui serait défait&#xa0;; refaites-le, puis essayez à nouveau&#xa0;: rien n&apos;a été écrit dans %5.</translation>
    </message>
    <message>
        <source>%1 changed since the check (%2 is now %3); check again: nothing was written to %4.</source>
        <translation>%1 a changé depuis la vérification (%2&#xa0;: maintenant %3)&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans %4.</translation>
    </message>
    <message>
        <source>%1 was changed by %5 since the check (%2 is now %3); check again: nothing was written to %4.</source>
        <translation>%5 a modifié %1 depuis la vérification (%2&#xa0;: maintenant %3)&#xa0;; vérifiez à nouveau&#xa0;: rien n&apos;a été écrit dans %4.</translation>
    </message>
    <message>
        <source>%1 changed since the revert was planned (%2 is now %3); try the revert again: nothing was written to %4.</source>
        <translation>%1 a changé depuis l&apos;aperçu de ce qui serait défait (%2&#xa0;: maintenant %3)&#xa0;; refaites l&apos;aperçu, puis essayez à nouveau&#xa0;: rien n&apos;a été écrit dans %4.</translation>
    </message>
    <message>
        <source>%1 was changed by %5 since the revert was planned (%2 is now %3); try the revert again: nothing was written to %4.</source>
        <translation>%5 a modifié %1 depuis l&apos;aperçu de ce qui serait défait (%2&#xa0;: maintenant %3)&#xa0;; refaites l&apos;aperçu, puis essayez à nouveau&#xa0;: rien n&apos;a été écrit dans %4.</translation>
    </message>
    <message>
        <source>Another teacher</source>
        <translation>Un autre formateur</translation>
    </message>
    <message>
        <source>Another training course</source>
        <translation>Une autre formation</translation>
    </message>
    <message>
        <source>Another session</source>
        <translation>Une autre session</translation>
    </message>
    <message>
        <source>Another room</source>
        <translation>Une autre salle</translation>
    </message>
    <message>
        <source>Another intervention</source>
        <translation>Une autre intervention</translation>
    </message>
    <message>
        <source>Another entity</source>
        <translation>Une autre entité</translation>
    </message>
    <message>
        <source>Another learner</source>
        <translation>Un autre apprenant</translation>
    </message>
    <message>
        <source>Another learning object</source>
        <translation>Un autre objet pédagogique</translation>
    </message>
    <message>
        <source>Another registration</source>
        <translation>Une autre inscription</translation>
    </message>
    <message>
        <source>Another tracking row</source>
        <translation>Un autre suivi</translation>
    </message>
    <message>
        <source>&apos;%1&apos;</source>
        <translation>«&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>un autre programme</translation>
    </message>
    <message>
        <source>run %1 (%2 on %3)</source>
        <translation>l&apos;exécution %1 (%2 sur %3)</translation>
    </message>
    <message>
        <source>run %1 (%2)</source>
        <translation>l&apos;exécution %1 (%2)</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>l&apos;exécution %1</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Column %1</source>
        <translation>Colonne %1</translation>
    </message>
</context>
<context>
    <name>platform</name>
    <message>
        <source>Field {field} is empty.</source>
        <translation>Le champ {field} est vide.</translation>
    </message>
    <message>
        <source>Date {value} not valid.</source>
        <translation>La date {value} n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>Training with training path code {code} is not found.</source>
        <translation>Aucune formation trouvée avec le code de parcours de formation {code}.</translation>
    </message>
    <message>
        <source>Training with path code {code} is not found.</source>
        <translation>Aucune formation trouvée avec le code de parcours {code}.</translation>
    </message>
    <message>
        <source>Training with guid {guid} is not found.</source>
        <translation>Aucune formation trouvée avec le GUID {guid}.</translation>
    </message>
    <message>
        <source>Session with guid {value} is not found for this training.</source>
        <translation>Aucune session trouvée avec le GUID {value} pour cette formation.</translation>
    </message>
    <message>
        <source>Session with title {value} is not found for this training.</source>
        <translation>Aucune session trouvée avec le titre {value} pour cette formation.</translation>
    </message>
    <message>
        <source>Teacher with login {login} is not found.</source>
        <translation>Aucun formateur trouvé avec l&apos;identifiant {login}.</translation>
    </message>
    <message>
        <source>Group with name {name} is duplicated.</source>
        <translation>Le nom de groupe {name} est en double.</translation>
    </message>
    <message>
        <source>Invalid sessionAction value: {value}</source>
        <translation>Valeur de sessionAction invalide&#xa0;: {value}</translation>
    </message>
    <message>
        <source>Status has invalid value {value}, {expected} expected.</source>
        <translation>Le statut a une valeur invalide, {value}&#xa0;; {expected} attendu.</translation>
    </message>
    <message>
        <source>The modality must be distancelearning, knowledgecommunity, learning_channel or blended, {value} detected.</source>
        <translation>La modalité doit être distancelearning, knowledgecommunity, learning_channel ou blended&#xa0;; {value} trouvé.</translation>
    </message>
    <message>
        <source>the given date format {format} is not valid. It should only contain the following characters (case insensitive): &apos;YMDHIS /_.:;,-&apos;</source>
        <translation>Le format de date indiqué {format} n&apos;est pas valide. Il ne doit contenir que les caractères suivants (en majuscules ou minuscules)&#xa0;: &apos;YMDHIS /_.:;,-&apos;</translation>
    </message>
    <message>
        <source>Start date {value} not valid.</source>
        <translation>La date de début {value} n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>End date {value} not valid.</source>
        <translation>La date de fin {value} n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>The training could not be found and it is mandatory.</source>
        <translation>La formation est introuvable, et elle est obligatoire.</translation>
    </message>
    <message>
        <source>Register flag has invalid value {value}, {expected} expected.</source>
        <translation>L&apos;indicateur d&apos;inscription a une valeur invalide, {value}&#xa0;; {expected} attendu.</translation>
    </message>
    <message>
        <source>The session can not be found and it&apos;s mandatory.</source>
        <translation>La session est introuvable, et elle est obligatoire.</translation>
    </message>
    <message>
        <source>No search field was provided to find the candidate.</source>
        <translation>Aucun champ de recherche n&apos;a été fourni pour trouver l&apos;apprenant.</translation>
    </message>
    <message>
        <source>The candidate was not found.</source>
        <translation>L&apos;apprenant est introuvable.</translation>
    </message>
    <message>
        <source>The candidate was not detected as a input data, object of type {type} provided.</source>
        <translation>Aucun apprenant reçu en donnée d&apos;entrée&#xa0;: un objet de type {type} a été fourni.</translation>
    </message>
    <message>
        <source>Cannot create a session without valid training course.</source>
        <translation>Impossible de créer une session sans formation valide.</translation>
    </message>
    <message>
        <source>The session could not be created or retrieved from the database.</source>
        <translation>La session n&apos;a pu être ni créée ni retrouvée dans la base de données de la plateforme.</translation>
    </message>
    <message>
        <source>The learner is already registered to this training session.</source>
        <translation>L&apos;apprenant est déjà inscrit à cette session de formation.</translation>
    </message>
    <message>
        <source>The candidate is not registered to this training.</source>
        <translation>L&apos;apprenant n&apos;est pas inscrit à cette formation.</translation>
    </message>
    <message>
        <source>At least one of these element must be present: learning object version code or GUID.</source>
        <translation>Au moins l&apos;un de ces éléments doit être présent&#xa0;: code de version de l&apos;objet pédagogique ou GUID.</translation>
    </message>
    <message>
        <source>This learning object is provided by CrossKnowledge, and this report cannot be updated.</source>
        <translation>Cet objet pédagogique est fourni par CrossKnowledge&#xa0;: ce suivi ne peut pas être mis à jour.</translation>
    </message>
    <message>
        <source>This learning object is an EasyQuizz, and this report cannot be updated.</source>
        <translation>Cet objet pédagogique est un EasyQuizz&#xa0;: ce suivi ne peut pas être mis à jour.</translation>
    </message>
    <message>
        <source>At least one of these element must be present: learner login, reference number or email.</source>
        <translation>Au moins l&apos;un de ces éléments doit être présent&#xa0;: identifiant, matricule ou adresse électronique de l&apos;apprenant.</translation>
    </message>
    <message>
        <source>At least one of the following to provide a precise context : &quot;session GUID&quot; or the couple &quot;session title&quot; &amp; &quot;training code&quot;.</source>
        <translation>Au moins l&apos;un des éléments suivants doit être fourni pour un contexte précis&#xa0;: «&#xa0;GUID de session&#xa0;», ou le couple «&#xa0;titre de session&#xa0;» et «&#xa0;code de formation&#xa0;».</translation>
    </message>
    <message>
        <source>No registration found for given parameters.</source>
        <translation>Aucune inscription trouvée pour ces paramètres.</translation>
    </message>
    <message>
        <source>You cannot set a first completion date if the LO is not completed.</source>
        <translation>Vous ne pouvez pas indiquer de date de premier achèvement si l&apos;objet pédagogique n&apos;est pas achevé.</translation>
    </message>
    <message>
        <source>The &quot;validity&quot; field value {value} is not allowed.</source>
        <translation>La valeur {value} du champ «&#xa0;validity&#xa0;» n&apos;est pas autorisée.</translation>
    </message>
    <message>
        <source>The login: {login} already exists. The user name will be: {name}</source>
        <translation>L&apos;identifiant {login} existe déjà. Le nom d&apos;utilisateur sera&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Date format is not valid</source>
        <translation>Le format de date n&apos;est pas valide</translation>
    </message>
    <message>
        <source>enabledUntil is inferior to enabledFrom or vice versa</source>
        <translation>enabledUntil est antérieur à enabledFrom, ou l&apos;inverse</translation>
    </message>
    <message>
        <source>Entity with name {name} not found.</source>
        <translation>Aucune entité trouvée avec le nom {name}.</translation>
    </message>
    <message>
        <source>Entity with name {name} is duplicated.</source>
        <translation>Le nom d&apos;entité {name} est en double.</translation>
    </message>
    <message>
        <source>You can&apos;t change the training&apos;s modality.</source>
        <translation>Vous ne pouvez pas changer la modalité de la formation.</translation>
    </message>
    <message>
        <source>The field &quot;trainingSteps&quot; can&apos;t be empty when importing a blended training.</source>
        <translation>Le champ «&#xa0;trainingSteps&#xa0;» ne peut pas être vide pour une formation mixte (blended).</translation>
    </message>
    <message>
        <source>Step title error at step #{step} : The result of the title&apos;s sanitization is empty.</source>
        <translation>Erreur de titre à l&apos;étape n°{step}&#xa0;: le titre est vide une fois nettoyé.</translation>
    </message>
    <message>
        <source>lovCodes error: LOV ref number {code} is more than one LO or doesn&apos;t exist.</source>
        <translation>Erreur de lovCodes&#xa0;: le numéro de référence de LOV {code} désigne plusieurs objets pédagogiques, ou aucun.</translation>
    </message>
</context>
</TS>
