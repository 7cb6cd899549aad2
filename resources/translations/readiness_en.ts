<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>AccessibilityDialog</name>
    <message>
        <source>Accessibilité et adaptations</source>
        <extracomment>About this many characters per line: easy to read, and the width follows the text size.</extracomment>
        <translation>Accessibility and adjustments</translation>
    </message>
    <message>
        <source>Pendant la séance, Zoom peut vous aider</source>
        <translation>During the session, Zoom can help you</translation>
    </message>
    <message>
        <source>Vous avez un handicap ou un besoin particulier&#xa0;? Zoom et cette application ont des outils pour vous aider, et {organisation} peut adapter la séance si vous le demandez à l&apos;avance.</source>
        <translation>Do you have a disability or a particular need? Zoom and this app have tools to help you, and {organisation} can adjust the session if you ask in advance.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sous-titres automatiques&lt;/b&gt;&#xa0;: cliquez sur le bouton «&#xa0;Sous-titres&#xa0;» (ou «&#xa0;CC&#xa0;») dans la barre du bas de Zoom. S&apos;il n&apos;y est pas, demandez à la personne qui anime la séance d&apos;activer les sous-titres.</source>
        <translation>&lt;b&gt;Automatic captions&lt;/b&gt;: click the “Captions” (or “CC”) button in Zoom&apos;s bottom bar. If it is not there, ask the person leading the session to turn captions on.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Transcription&lt;/b&gt;&#xa0;: dans le même menu, «&#xa0;Afficher la transcription intégrale&#xa0;» montre par écrit tout ce qui a été dit.</source>
        <translation>&lt;b&gt;Transcript&lt;/b&gt;: in the same menu, “View full transcript” shows in writing everything that has been said.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lecteurs d&apos;écran&lt;/b&gt;&#xa0;: Zoom fonctionne avec NVDA et JAWS (Windows) et avec VoiceOver (Mac).</source>
        <translation>&lt;b&gt;Screen readers&lt;/b&gt;: Zoom works with NVDA and JAWS (Windows) and with VoiceOver (Mac).</translation>
    </message>
    <message>
        <source>Raccourcis clavier de Zoom&#xa0;:</source>
        <translation>Zoom&apos;s keyboard shortcuts:</translation>
    </message>
    <message>
        <source>Couper ou rallumer le micro</source>
        <translation>Mute or unmute the microphone</translation>
    </message>
    <message>
        <source>Cmd+Maj+A</source>
        <translation>Cmd+Shift+A</translation>
    </message>
    <message>
        <source>Couper ou rallumer la caméra</source>
        <translation>Turn the camera off or on</translation>
    </message>
    <message>
        <source>Cmd+Maj+V</source>
        <translation>Cmd+Shift+V</translation>
    </message>
    <message>
        <source>Lever la main</source>
        <translation>Raise your hand</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <source>Mac</source>
        <translation>Mac</translation>
    </message>
    <message>
        <source>{action}&#xa0;: {windows} sur Windows, {mac} sur Mac.</source>
        <translation>{action}: {windows} on Windows, {mac} on Mac.</translation>
    </message>
    <message>
        <source>Elle fonctionne entièrement au clavier&#xa0;: {tab} et {shift_tab} pour passer d&apos;un élément à l&apos;autre, {enter} ou {space} pour appuyer sur un bouton, {escape} pour fermer une fenêtre.</source>
        <translation>It works entirely from the keyboard: {tab} and {shift_tab} to move from one item to the next, {enter} or {space} to press a button, {escape} to close a window.</translation>
    </message>
    <message>
        <source>Le texte suit la taille choisie dans les réglages de votre ordinateur&#xa0;: agrandissez-la si besoin.</source>
        <translation>The text follows the size chosen in your computer&apos;s settings: make it bigger if you need to.</translation>
    </message>
    <message>
        <source>Besoin d&apos;une adaptation (sous-titres dès le début, documents envoyés à l&apos;avance, pauses, interprète en langue des signes…)&#xa0;? Dites-le avant la séance au référent handicap de {organisation}, qui pourra l&apos;organiser avec vous&#xa0;:</source>
        <translation>Need an adjustment (captions from the start, documents sent in advance, breaks, a sign language interpreter…)? Tell {organisation}&apos;s disability contact before the session, who can arrange it with you:</translation>
    </message>
    <message>
        <source>Besoin d&apos;une adaptation (sous-titres dès le début, documents envoyés à l&apos;avance, pauses, interprète en langue des signes…)&#xa0;? Dites-le avant la séance à {name}, qui pourra l&apos;organiser avec vous&#xa0;:</source>
        <translation>Need an adjustment (captions from the start, documents sent in advance, breaks, a sign language interpreter…)? Tell {name} before the session, who can arrange it with you:</translation>
    </message>
    <message>
        <source>Besoin d&apos;une adaptation (sous-titres dès le début, documents envoyés à l&apos;avance, pauses, interprète en langue des signes…)&#xa0;? Dites-le à la personne qui vous a invité à la séance, dès que possible et avant la séance.</source>
        <translation>Need an adjustment (captions from the start, documents sent in advance, breaks, a sign language interpreter…)? Tell the person who invited you to the session, as soon as possible and before the session.</translation>
    </message>
    <message>
        <source>Copier l&apos;a&amp;dresse</source>
        <translation>Copy the a&amp;ddress</translation>
    </message>
    <message>
        <source>Votre messagerie n&apos;a pas pu s&apos;ouvrir. Écrivez vous-même à {email}, avec pour objet «&#xa0;{subject}&#xa0;».</source>
        <translation>Your email app could not open. Write to {email} yourself, with the subject “{subject}”.</translation>
    </message>
    <message>
        <source>Cette application</source>
        <translation>This app</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Maj+Tab</source>
        <translation>Shift+Tab</translation>
    </message>
    <message>
        <source>Entrée</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Espace</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Échap</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Elle fonctionne avec les lecteurs d&apos;écran.</source>
        <translation>It works with screen readers.</translation>
    </message>
    <message>
        <source>Demander une adaptation avant la séance</source>
        <translation>Ask for an adjustment before the session</translation>
    </message>
    <message>
        <source>&amp;Écrire pour demander une adaptation</source>
        <translation>&amp;Write to ask for an adjustment</translation>
    </message>
    <message>
        <source>Appelez le {link}</source>
        <translation>Call {link}</translation>
    </message>
    <message>
        <source>Ouverture de votre messagerie…</source>
        <translation>Opening your email app…</translation>
    </message>
    <message>
        <source>Votre messagerie s&apos;ouvre avec un message prêt. Écrivez votre besoin à l&apos;endroit prévu, puis envoyez le message.</source>
        <translation>Your email app is opening with a message ready. Write what you need in the space provided, then send the message.</translation>
    </message>
    <message>
        <source>Vous pouvez aussi appeler le {phone}.</source>
        <translation>You can also call {phone}.</translation>
    </message>
    <message>
        <source>✓ Adresse copiée</source>
        <translation>✓ Address copied</translation>
    </message>
</context>
<context>
    <name>AdaptationRequest</name>
    <message>
        <source>Demande d&apos;adaptation pour ma séance avec {organisation}</source>
        <translation>Request for an adjustment for my session with {organisation}</translation>
    </message>
    <message>
        <source>Bonjour,</source>
        <translation>Hello,</translation>
    </message>
    <message>
        <source>Je participe prochainement à une séance avec {organisation}. Pour y participer dans de bonnes conditions, j&apos;aurais besoin de l&apos;adaptation suivante&#xa0;:</source>
        <translation>I will soon take part in a session with {organisation}. To take part in good conditions, I would need the following adjustment:</translation>
    </message>
    <message>
        <source>Ma séance est prévue le {date} à {time}.</source>
        <translation>My session is planned for {date} at {time}.</translation>
    </message>
    <message>
        <source>Merci,</source>
        <translation>Thank you,</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Préparer ma séance</source>
        <translation>Get ready for my session</translation>
    </message>
    <message>
        <source>Configuration à corriger</source>
        <extracomment>The base text size: never smaller, a larger system size is kept. Installer smoke tests (packaging/linux/ci_check_deb.sh) set this to a number of milliseconds: the window then closes that long after it is shown, as if the user closed it, and the app exits normally.</extracomment>
        <translation>The configuration needs fixing</translation>
    </message>
    <message>
        <source>L&apos;application a rencontré un problème inattendu. Vous n&apos;y êtes pour rien.

Vous pouvez continuer. Si l&apos;application ne répond plus, fermez-la puis rouvrez-la.</source>
        <translation>The application ran into an unexpected problem. It is not your fault.

You can carry on. If the application stops responding, close it and then open it again.</translation>
    </message>
    <message>
        <source>Les détails n&apos;ont pas pu être notés&#xa0;: le dossier du journal est inaccessible.</source>
        <translation>The details could not be saved: the log folder cannot be reached.</translation>
    </message>
    <message>
        <source>Si le problème revient, envoyez ce fichier à la personne qui vous accompagne, il contient les détails&#xa0;:
{path}</source>
        <translation>If the problem comes back, send this file to the person supporting you; it contains the details:
{path}</translation>
    </message>
    <message>
        <source>Un problème inattendu</source>
        <translation>An unexpected problem</translation>
    </message>
</context>
<context>
    <name>AppRow</name>
    <message>
        <source>processeur {cpu} % · mémoire {memory} Mo</source>
        <translation>processor {cpu}% · memory {memory} MB</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Fermer {app}</source>
        <translation>Close {app}</translation>
    </message>
    <message>
        <source>Cette application n&apos;est pas à vous ou fait partie du système.</source>
        <translation>This application is not yours, or it is part of the system.</translation>
    </message>
</context>
<context>
    <name>Audio</name>
    <message>
        <source>Par défaut (réglages de l&apos;ordinateur)</source>
        <translation>Default (computer settings)</translation>
    </message>
</context>
<context>
    <name>AudioDevicePicker</name>
    <message>
        <source>Aucun appareil trouvé</source>
        <extracomment>The user picked a device (never emitted when the list is filled by the program).</extracomment>
        <translation>No device found</translation>
    </message>
</context>
<context>
    <name>AudioProblem</name>
    <message>
        <source>Le composant qui donne accès au son (PortAudio) manque sur cet ordinateur.</source>
        <translation>The component that gives access to sound (PortAudio) is missing on this computer.</translation>
    </message>
    <message>
        <source>Aucun micro n&apos;a été trouvé.</source>
        <translation>No microphone was found.</translation>
    </message>
    <message>
        <source>Aucune sortie son (haut-parleurs, casque) n&apos;a été trouvée.</source>
        <translation>No sound output (speakers, headset) was found.</translation>
    </message>
    <message>
        <source>Le micro «&#xa0;{name}&#xa0;» n&apos;a pas été trouvé.</source>
        <translation>The microphone “{name}” was not found.</translation>
    </message>
    <message>
        <source>La sortie son «&#xa0;{name}&#xa0;» n&apos;a pas été trouvée.</source>
        <translation>The sound output “{name}” was not found.</translation>
    </message>
    <message>
        <source>Le micro est déjà utilisé par une autre application.</source>
        <translation>The microphone is already being used by another application.</translation>
    </message>
    <message>
        <source>La sortie son est déjà utilisée par une autre application.</source>
        <translation>The sound output is already being used by another application.</translation>
    </message>
    <message>
        <source>Le micro a été débranché ou ne répond plus.</source>
        <translation>The microphone has been unplugged or is no longer responding.</translation>
    </message>
    <message>
        <source>La sortie son a été débranchée ou ne répond plus.</source>
        <translation>The sound output has been unplugged or is no longer responding.</translation>
    </message>
    <message>
        <source>Le micro n&apos;a pas pu être ouvert.</source>
        <translation>The microphone could not be opened.</translation>
    </message>
    <message>
        <source>La sortie son n&apos;a pas pu être ouverte.</source>
        <translation>The sound output could not be opened.</translation>
    </message>
    <message>
        <source>Sous Linux, installez le paquet «&#xa0;libportaudio2&#xa0;» (sudo apt install libportaudio2), puis relancez l&apos;application.</source>
        <extracomment>How the user gets going again: &quot;check&quot; (run the headless check again), &quot;auto&quot; (the page tries again by itself), &quot;button&quot; (the page&apos;s own button tries again).</extracomment>
        <translation>On Linux, install the “libportaudio2” package (sudo apt install libportaudio2), then restart the application.</translation>
    </message>
    <message>
        <source>Si vous ne savez pas le faire, prévenez votre consultante.</source>
        <translation>If you don&apos;t know how to do this, let your consultant know.</translation>
    </message>
    <message>
        <source>Branchez un micro ou un casque avec micro.</source>
        <translation>Plug in a microphone or a headset with a microphone.</translation>
    </message>
    <message>
        <source>Branchez un casque ou des haut-parleurs.</source>
        <translation>Plug in a headset or speakers.</translation>
    </message>
    <message>
        <source>Vérifiez que le son fonctionne sur l&apos;ordinateur (essayez une vidéo)&#xa0;; au besoin, redémarrez-le.</source>
        <translation>Check that sound works on the computer (try a video); if needed, restart it.</translation>
    </message>
    <message>
        <source>Vérifiez qu&apos;il est bien branché, ou choisissez-en un autre.</source>
        <translation>Check that it is plugged in properly, or choose another one.</translation>
    </message>
    <message>
        <source>Vérifiez que l&apos;appareil est bien branché, ou choisissez une autre sortie son.</source>
        <translation>Check that the device is plugged in properly, or choose another sound output.</translation>
    </message>
    <message>
        <source>Disponibles&#xa0;: {names}.</source>
        <translation>Available: {names}.</translation>
    </message>
    <message>
        <source>Fermez les applications qui peuvent l&apos;utiliser (Zoom, Teams, Skype, votre navigateur).</source>
        <translation>Close the applications that may be using it (Zoom, Teams, Skype, your browser).</translation>
    </message>
    <message>
        <source>Rebranchez-le (ou reconnectez votre casque Bluetooth).</source>
        <translation>Plug it back in (or reconnect your Bluetooth headset).</translation>
    </message>
    <message>
        <source>Rebranchez votre casque ou vos haut-parleurs (ou reconnectez-les en Bluetooth).</source>
        <translation>Plug your headset or speakers back in (or reconnect them via Bluetooth).</translation>
    </message>
    <message>
        <source>Choisissez-en un autre dans la liste, puis réessayez.</source>
        <translation>Choose another one from the list, then try again.</translation>
    </message>
    <message>
        <source>Choisissez une autre sortie son dans la liste, puis réessayez.</source>
        <translation>Choose another sound output from the list, then try again.</translation>
    </message>
    <message>
        <source>Si cela continue, redémarrez l&apos;ordinateur.</source>
        <translation>If this keeps happening, restart the computer.</translation>
    </message>
    <message>
        <source>La mesure reprendra d&apos;elle-même dès que le micro sera disponible.</source>
        <translation>The measurement will start again by itself as soon as the microphone is available.</translation>
    </message>
    <message>
        <source>Cette page le verra d&apos;elle-même dès qu&apos;une sortie son sera disponible.</source>
        <translation>This page will notice by itself as soon as a sound output is available.</translation>
    </message>
    <message>
        <source>Puis cliquez à nouveau sur «&#xa0;Jouer le son de test&#xa0;».</source>
        <translation>Then click “Play the test sound” again.</translation>
    </message>
    <message>
        <source>Puis relancez la vérification.</source>
        <translation>Then run the check again.</translation>
    </message>
</context>
<context>
    <name>Branding</name>
    <message>
        <source>L&apos;image «&#xa0;{path}&#xa0;» n&apos;a pas pu être affichée&#xa0;: son contenu est abîmé ou d&apos;une variante que l&apos;application ne sait pas lire. Enregistrez le logo au format PNG, par exemple «&#xa0;logo.png&#xa0;».</source>
        <extracomment>Set on a button to give it the accent colour (the main action of its page). A logo as wide as this many times its height, or less, makes a window icon. The image put in the report: sharp at print resolution, shown about 17 mm high.</extracomment>
        <translation>The image “{path}” could not be shown: its content is damaged or of a kind the app cannot read. Save the logo as a PNG, for example “logo.png”.</translation>
    </message>
</context>
<context>
    <name>CallQuality</name>
    <message>
        <source>excellente</source>
        <extracomment>The jitter buffer holds packets for about this many times the jitter. The lowest MOS of each band (G.107 Annex B: 4.3, 4.0, 3.6).</extracomment>
        <translation>excellent</translation>
    </message>
    <message>
        <source>bonne</source>
        <translation>good</translation>
    </message>
    <message>
        <source>moyenne</source>
        <translation>fair</translation>
    </message>
    <message>
        <source>mauvaise</source>
        <translation>poor</translation>
    </message>
</context>
<context>
    <name>Camera</name>
    <message>
        <source>Caméra {number}</source>
        <extracomment>Linux&apos;s; each system has its own (``backends.probe_timeout_for``). Indices tried where the system cannot list cameras (they are numbered from 0). Opens camera ``index`` and says what went wrong (None: it opened). The name lists the system offers, most likely first (``system_names.candidate_names``).</extracomment>
        <translation>Camera {number}</translation>
    </message>
</context>
<context>
    <name>CameraCheck</name>
    <message>
        <source>Bonne image&#xa0;: votre visage est visible et bien éclairé.</source>
        <translation>Good picture: your face is visible and well lit.</translation>
    </message>
    <message>
        <source>L&apos;image est toute noire.</source>
        <translation>The picture is completely black.</translation>
    </message>
    <message>
        <source>Ouvrez le cache de la caméra (le petit volet au-dessus de l&apos;écran) ou retirez ce qui couvre l&apos;objectif.</source>
        <translation>Open the camera cover (the small shutter above the screen) or remove whatever is covering the lens.</translation>
    </message>
    <message>
        <source>Si votre clavier a une touche avec une caméra barrée, appuyez dessus.</source>
        <translation>If your keyboard has a key with a crossed-out camera on it, press it.</translation>
    </message>
    <message>
        <source>L&apos;image peut aussi être noire quand l&apos;ordinateur bloque l&apos;accès à la caméra dans ses réglages de confidentialité.</source>
        <translation>The picture can also be black when the computer blocks access to the camera in its privacy settings.</translation>
    </message>
    <message>
        <source>L&apos;image est trop sombre.</source>
        <translation>The picture is too dark.</translation>
    </message>
    <message>
        <source>Allumez une lampe placée devant vous, derrière l&apos;écran, qui éclaire votre visage.</source>
        <translation>Turn on a lamp in front of you, behind the screen, so that it lights up your face.</translation>
    </message>
    <message>
        <source>L&apos;image est trop claire (surexposée).</source>
        <translation>The picture is too bright (overexposed).</translation>
    </message>
    <message>
        <source>Évitez le soleil direct sur vous ou sur la caméra&#xa0;: fermez un peu le rideau.</source>
        <translation>Avoid direct sunlight on you or on the camera: draw the curtain a little.</translation>
    </message>
    <message>
        <source>Vous êtes à contre-jour&#xa0;: votre visage reste sombre.</source>
        <translation>The light is behind you: your face looks dark.</translation>
    </message>
    <message>
        <source>Évitez d&apos;avoir une fenêtre derrière vous&#xa0;: tournez-vous vers elle, ou fermez le rideau et allumez une lampe devant vous.</source>
        <translation>Avoid having a window behind you: turn to face it, or close the curtain and turn on a lamp in front of you.</translation>
    </message>
    <message>
        <source>L&apos;image ne bouge pas.</source>
        <translation>The picture is not moving.</translation>
    </message>
    <message>
        <source>Une autre application utilise peut-être la caméra (Zoom, Teams, un navigateur)&#xa0;: fermez-la, puis vérifiez à nouveau.</source>
        <translation>Another application may be using the camera (Zoom, Teams, a browser): close it, then check again.</translation>
    </message>
    <message>
        <source>Placez-vous face à la caméra, le visage bien en vue.</source>
        <translation>Sit facing the camera, with your face clearly in view.</translation>
    </message>
    <message>
        <source>Vérifiez que rien ne couvre l&apos;objectif (cache, autocollant, doigt).</source>
        <translation>Check that nothing is covering the lens (cover, sticker, finger).</translation>
    </message>
    <message>
        <source>Aucun visage n&apos;est visible.</source>
        <translation>No face can be seen.</translation>
    </message>
    <message>
        <source>Plus d&apos;un visage apparaît à l&apos;image (une photo ou une affiche peut aussi compter). Votre séance est confidentielle&#xa0;: vérifiez que personne d&apos;autre ne peut la voir ni l&apos;entendre.</source>
        <translation>More than one face is in the picture (a photo or a poster can count too). Your session is confidential: make sure nobody else can see or hear it.</translation>
    </message>
    <message>
        <source>Approchez-vous un peu de l&apos;écran.</source>
        <translation>Move a little closer to the screen.</translation>
    </message>
    <message>
        <source>Placez-vous au milieu de l&apos;image.</source>
        <translation>Move to the middle of the picture.</translation>
    </message>
    <message>
        <source>Surélevez l&apos;ordinateur (sur quelques livres) pour avoir la caméra à hauteur des yeux.</source>
        <translation>Raise the computer (on a few books) so that the camera is at eye level.</translation>
    </message>
    <message>
        <source>Fermez les applications qui peuvent utiliser la caméra (Zoom, Teams, Skype, un onglet de navigateur en visio), puis vérifiez à nouveau.</source>
        <translation>Close the applications that may be using the camera (Zoom, Teams, Skype, a browser tab with a video call), then check again.</translation>
    </message>
    <message>
        <source>Ouvrez Réglages Système &gt; Confidentialité et sécurité &gt; Caméra, et autorisez «&#xa0;Préparer ma séance&#xa0;».</source>
        <translation>Open System Settings &gt; Privacy and Security &gt; Camera, and allow “Get ready for my session”.</translation>
    </message>
    <message>
        <source>Ouvrez Paramètres &gt; Confidentialité et sécurité &gt; Caméra, et activez «&#xa0;Accès à la caméra&#xa0;» et «&#xa0;Autoriser les applications de bureau à accéder à votre caméra&#xa0;».</source>
        <translation>Open Settings &gt; Privacy and security &gt; Camera, and turn on “Camera access” and “Let desktop apps access your camera”.</translation>
    </message>
    <message>
        <source>Votre compte n&apos;a pas le droit d&apos;utiliser la caméra&#xa0;: demandez à la personne qui gère cet ordinateur de vous ajouter au groupe «&#xa0;video&#xa0;».</source>
        <translation>Your account is not allowed to use the camera: ask the person who manages this computer to add you to the “video” group.</translation>
    </message>
    <message>
        <source>Sans caméra, vous pourrez suivre la séance, mais votre consultante ne vous verra pas&#xa0;: prévenez-la.</source>
        <translation>Without a camera, you can still follow the session, but your consultant will not see you: let them know.</translation>
    </message>
    <message>
        <source>Le fichier vidéo est introuvable.</source>
        <translation>The video file cannot be found.</translation>
    </message>
    <message>
        <source>Vérifiez le chemin du fichier indiqué.</source>
        <translation>Check the file path you gave.</translation>
    </message>
    <message>
        <source>Ce fichier vidéo ne peut pas être lu.</source>
        <translation>This video file cannot be read.</translation>
    </message>
    <message>
        <source>Indiquez une vidéo enregistrée en AVI ou MP4.</source>
        <translation>Give a video saved as AVI or MP4.</translation>
    </message>
    <message>
        <source>Aucune caméra n&apos;a été trouvée.</source>
        <translation>No camera was found.</translation>
    </message>
    <message>
        <source>Branchez votre webcam (ou vérifiez qu&apos;elle est activée), puis vérifiez à nouveau.</source>
        <translation>Plug in your webcam (or check that it is turned on), then check again.</translation>
    </message>
    <message>
        <source>La caméra est déjà utilisée par une autre application.</source>
        <translation>The camera is already being used by another application.</translation>
    </message>
    <message>
        <source>L&apos;accès à la caméra est refusé.</source>
        <translation>Access to the camera is denied.</translation>
    </message>
    <message>
        <source>La caméra s&apos;est déconnectée.</source>
        <translation>The camera has been disconnected.</translation>
    </message>
    <message>
        <source>Rebranchez-la ou vérifiez son câble&#xa0;: l&apos;image reviendra d&apos;elle-même.</source>
        <translation>Plug it back in or check its cable: the picture will come back by itself.</translation>
    </message>
    <message>
        <source>La caméra ne donne aucune image.</source>
        <translation>The camera is not giving any picture.</translation>
    </message>
    <message>
        <source>Si c&apos;est une webcam USB, débranchez-la et rebranchez-la.</source>
        <translation>If it is a USB webcam, unplug it and plug it back in.</translation>
    </message>
    <message>
        <source>La caméra n&apos;a pas pu être ouverte&#xa0;: une autre application l&apos;utilise peut-être, ou l&apos;ordinateur en bloque l&apos;accès dans ses réglages de confidentialité.</source>
        <translation>The camera could not be opened: another application may be using it, or the computer blocks access to it in its privacy settings.</translation>
    </message>
    <message>
        <source>La caméra n&apos;a pas pu être ouverte.</source>
        <translation>The camera could not be opened.</translation>
    </message>
    <message>
        <source>Caméra</source>
        <translation>Camera</translation>
    </message>
</context>
<context>
    <name>CameraPage</name>
    <message>
        <source>Pendant la séance, votre caméra reste allumée&#xa0;: c&apos;est ainsi que votre consultante vous suit. Voici ce qu&apos;elle verra de vous.</source>
        <extracomment>The preview&apos;s and the measures&apos; shares of the page&apos;s width.</extracomment>
        <translation>During the session, your camera stays on: this is how your consultant follows along with you. Here is what they will see of you.</translation>
    </message>
    <message>
        <source>&amp;Caméra&#xa0;:</source>
        <extracomment>The flow&apos;s latest verdict on the image (None while there is none, or a problem). The confidentiality reminder was announced since the preview started.</extracomment>
        <translation>&amp;Camera:</translation>
    </message>
    <message>
        <source>&amp;Rechercher les caméras</source>
        <translation>&amp;Search for cameras</translation>
    </message>
    <message>
        <source>Les images restent dans la mémoire de cet ordinateur&#xa0;: rien n&apos;est enregistré ni envoyé.</source>
        <translation>The pictures stay in this computer&apos;s memory: nothing is recorded or sent.</translation>
    </message>
    <message>
        <source>Recherche des caméras…</source>
        <translation>Searching for cameras…</translation>
    </message>
    <message>
        <source>Fichier vidéo&#xa0;: {name}</source>
        <translation>Video file: {name}</translation>
    </message>
    <message>
        <source>Aucune caméra trouvée</source>
        <translation>No camera found</translation>
    </message>
    <message>
        <source>Aucune caméra</source>
        <translation>No camera</translation>
    </message>
    <message>
        <source>Après avoir branché une webcam, cliquez sur «&#xa0;Rechercher les caméras&#xa0;».</source>
        <translation>After plugging in a webcam, click “Search for cameras”.</translation>
    </message>
    <message>
        <source>{name} (utilisée par une autre application)</source>
        <translation>{name} (in use by another application)</translation>
    </message>
    <message>
        <source>{name} (accès refusé)</source>
        <translation>{name} (access denied)</translation>
    </message>
    <message>
        <source>Ouverture de la caméra…</source>
        <translation>Opening the camera…</translation>
    </message>
    <message>
        <source>Analyse de l&apos;image…</source>
        <translation>Analysing the picture…</translation>
    </message>
    <message>
        <source>Nous réessayons chaque seconde&#xa0;: l&apos;image reviendra ici d&apos;elle-même dès que la caméra sera disponible.</source>
        <translation>We try again every second: the picture will come back here by itself as soon as the camera is available.</translation>
    </message>
    <message>
        <source>Caméra déconnectée</source>
        <translation>Camera disconnected</translation>
    </message>
    <message>
        <source>Caméra occupée</source>
        <translation>Camera busy</translation>
    </message>
    <message>
        <source>Pas d&apos;image</source>
        <translation>No picture</translation>
    </message>
    <message>
        <source>L&apos;image s&apos;est arrêtée</source>
        <translation>The picture has stopped</translation>
    </message>
    <message>
        <source>Image&#xa0;: {width} × {height}, {fps:.0f} images par seconde</source>
        <translation>Picture: {width} × {height}, {fps:.0f} frames per second</translation>
    </message>
    <message>
        <source>Luminosité&#xa0;: {value:.0f} (bonne entre {low:.0f} et {high:.0f})</source>
        <translation>Brightness: {value:.0f} (good between {low:.0f} and {high:.0f})</translation>
    </message>
    <message>
        <source>Visages vus&#xa0;: {count}</source>
        <translation>Faces seen: {count}</translation>
    </message>
</context>
<context>
    <name>CheckResultView</name>
    <message>
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>{status}&#xa0;: {summary}</source>
        <translation>{status}: {summary}</translation>
    </message>
</context>
<context>
    <name>CheckRow</name>
    <message>
        <source>Vérifier</source>
        <extracomment>The verdict&apos;s sentence, this many times the body&apos;s size.</extracomment>
        <translation>Check</translation>
    </message>
    <message>
        <source>Vérifier&#xa0;: {title}</source>
        <translation>Check: {title}</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Vérification inconnue&#xa0;: {unknown}. Possibles&#xa0;: {known}.</source>
        <translation>Unknown check: {unknown}. Possible checks: {known}.</translation>
    </message>
    <message>
        <source>Donnez au plus {max} serveurs STUN (--stun-server).</source>
        <translation>Give at most {max} STUN servers (--stun-server).</translation>
    </message>
    <message>
        <source>Le rapport est enregistré sans logo.</source>
        <translation>The report is saved without the logo.</translation>
    </message>
    <message>
        <source>Le rapport n&apos;a pas pu être enregistré dans «&#xa0;{path}&#xa0;»&#xa0;: choisissez un autre dossier.</source>
        <translation>The report could not be saved in “{path}”: choose another folder.</translation>
    </message>
    <message>
        <source>[OK]</source>
        <translation>[OK]</translation>
    </message>
    <message>
        <source>[À VOIR]</source>
        <translation>[TAKE A LOOK]</translation>
    </message>
    <message>
        <source>[PROBLÈME]</source>
        <translation>[PROBLEM]</translation>
    </message>
    <message>
        <source>[NON FAIT]</source>
        <translation>[NOT DONE]</translation>
    </message>
    <message>
        <source>{mark} {title}&#xa0;: {summary}</source>
        <translation>{mark} {title}: {summary}</translation>
    </message>
    <message>
        <source>Réglages à ouvrir&#xa0;: {uri}</source>
        <translation>Settings to open: {uri}</translation>
    </message>
    <message>
        <source>Bilan&#xa0;: {verdict}</source>
        <translation>Summary: {verdict}</translation>
    </message>
    <message>
        <source>Impossible d&apos;ouvrir le lien ({detail}). Ouvrez-le vous-même&#xa0;: {url}</source>
        <translation>The link could not be opened ({detail}). Open it yourself: {url}</translation>
    </message>
    <message>
        <source>La réunion s&apos;ouvre dans votre navigateur. Code d&apos;accès à saisir&#xa0;: {code}</source>
        <translation>The meeting is opening in your browser. Passcode to enter: {code}</translation>
    </message>
    <message>
        <source>Erreur&#xa0;: {message}
Aide&#xa0;: readiness --help
</source>
        <translation>Error: {message}
Help: readiness --help
</translation>
    </message>
    <message>
        <source>une durée entre 0,5 et {max:g} secondes est attendue</source>
        <translation>a duration between 0.5 and {max:g} seconds is expected</translation>
    </message>
    <message>
        <source>une durée entre {min:g} et {max:g} secondes est attendue</source>
        <translation>a duration between {min:g} and {max:g} seconds is expected</translation>
    </message>
    <message>
        <source>une adresse de serveur STUN est attendue&#xa0;: un nom ou une adresse IP, puis «&#xa0;:&#xa0;» et un port entre 1 et 65535, par exemple stun.exemple.fr:3478</source>
        <translation>a STUN server address is expected: a name or an IP address, then &quot;:&quot; and a port between 1 and 65535, for example stun.example.com:3478</translation>
    </message>
    <message>
        <source>Prépare votre ordinateur à votre séance Zoom.</source>
        <translation>Gets your computer ready for your Zoom session.</translation>
    </message>
    <message>
        <source>fichier session.toml à utiliser à la place de celui par défaut</source>
        <translation>session.toml file to use instead of the default one</translation>
    </message>
    <message>
        <source>langue de l&apos;interface&#xa0;: fr (français) ou en (anglais)&#xa0;; par défaut celle du système</source>
        <translation>interface language: fr (French) or en (English); by default the system&apos;s</translation>
    </message>
    <message>
        <source>vérifier sans ouvrir de fenêtre</source>
        <translation>check without opening a window</translation>
    </message>
    <message>
        <source>vérifications à faire</source>
        <translation>checks to run</translation>
    </message>
    <message>
        <source>résultat en JSON sur stdout</source>
        <translation>result as JSON on stdout</translation>
    </message>
    <message>
        <source>caméra à vérifier&#xa0;: numéro (0, 1, …) ou fichier vidéo</source>
        <translation>camera to check: number (0, 1, …) or video file</translation>
    </message>
    <message>
        <source>micro&#xa0;: numéro ou nom</source>
        <translation>microphone: number or name</translation>
    </message>
    <message>
        <source>haut-parleurs&#xa0;: numéro ou nom</source>
        <translation>speakers: number or name</translation>
    </message>
    <message>
        <source>durée d&apos;écoute du micro, en secondes (3 par défaut)</source>
        <translation>how long to listen to the microphone, in seconds (3 by default)</translation>
    </message>
    <message>
        <source>serveur de mesure du débit, au format de speedtest.net (finissant par upload.php)&#xa0;: rien n&apos;est alors demandé à speedtest.net</source>
        <translation>server for measuring the speed, in speedtest.net format (ending in upload.php): speedtest.net is then not contacted at all</translation>
    </message>
    <message>
        <source>serveur STUN pour mesurer la connexion en UDP, la voie du son et de l&apos;image de Zoom (option à répéter pour en donner plusieurs&#xa0;; les serveurs publics ne sont alors pas utilisés)</source>
        <translation>STUN server to measure the connection over UDP, the way Zoom&apos;s sound and video travel (repeat the option to give several; the public servers are then not used)</translation>
    </message>
    <message>
        <source>durée de la mesure de stabilité de la connexion, en secondes ({default:g} par défaut)</source>
        <translation>how long to measure the connection&apos;s stability, in seconds ({default:g} by default)</translation>
    </message>
    <message>
        <source>enregistrer aussi le rapport en PDF dans ce fichier</source>
        <translation>also save the report as a PDF in this file</translation>
    </message>
    <message>
        <source>votre nom, pour le rapport</source>
        <translation>your name, for the report</translation>
    </message>
    <message>
        <source>rejoindre la réunion Zoom</source>
        <translation>join the Zoom meeting</translation>
    </message>
    <message>
        <source>votre nom affiché</source>
        <translation>your display name</translation>
    </message>
    <message>
        <source>afficher le lien sans l&apos;ouvrir</source>
        <translation>show the link without opening it</translation>
    </message>
    <message>
        <source>ouvrir dans l&apos;application Zoom</source>
        <translation>open in the Zoom app</translation>
    </message>
    <message>
        <source>ouvrir dans le navigateur</source>
        <translation>open in the browser</translation>
    </message>
    <message>
        <source>Caméra&#xa0;: regardez l&apos;écran quelques secondes…</source>
        <translation>Camera: look at the screen for a few seconds…</translation>
    </message>
    <message>
        <source>Micro&#xa0;: restez silencieux deux secondes, nous écoutons le calme de la pièce…</source>
        <translation>Microphone: stay silent for two seconds while we listen to how quiet the room is…</translation>
    </message>
    <message>
        <source>Micro&#xa0;: dites maintenant une phrase à voix normale, par exemple votre nom…</source>
        <translation>Microphone: now say a sentence in your normal voice, for example your name…</translation>
    </message>
    <message>
        <source>Haut-parleurs&#xa0;: un son de test est joué…</source>
        <translation>Speakers: a test sound is playing…</translation>
    </message>
</context>
<context>
    <name>Config</name>
    <message>
        <source>Le fichier de configuration «&#xa0;{path}&#xa0;» ne peut pas être utilisé</source>
        <extracomment>Sentences said after the problem: the file&apos;s unknown keys (a typo is often why a key is missing).</extracomment>
        <translation>The configuration file “{path}” cannot be used</translation>
    </message>
    <message>
        <source>section {key}</source>
        <translation>section {key}</translation>
    </message>
    <message>
        <source>clé «&#xa0;{key}&#xa0;»</source>
        <translation>key “{key}”</translation>
    </message>
    <message>
        <source>&#xa0;: {place} (ligne {line})</source>
        <translation>: {place} (line {line})</translation>
    </message>
    <message>
        <source>&#xa0;: {place}</source>
        <translation>: {place}</translation>
    </message>
    <message>
        <source> (ligne {line})</source>
        <translation> (line {line})</translation>
    </message>
    <message>
        <source>Corrigez ce fichier, ou prévenez la personne qui vous a envoyé l&apos;application.</source>
        <translation>Correct this file, or let the person who sent you the app know.</translation>
    </message>
    <message>
        <source>La section [{name}] est obligatoire.</source>
        <extracomment>Format characters that some scripts need between letters (Persian, Indic scripts, emoji).</extracomment>
        <translation>The [{name}] section is required.</translation>
    </message>
    <message>
        <source>Une section [{name}] est attendue.</source>
        <translation>A [{name}] section is expected.</translation>
    </message>
    <message>
        <source>La clé «&#xa0;{key}&#xa0;» est obligatoire.</source>
        <translation>The key “{key}” is required.</translation>
    </message>
    <message>
        <source>Un texte entre guillemets est attendu.</source>
        <translation>Text in quotation marks is expected.</translation>
    </message>
    <message>
        <source>Cette valeur ne peut pas être vide.</source>
        <translation>This value cannot be empty.</translation>
    </message>
    <message>
        <source>un retour à la ligne</source>
        <translation>a line break</translation>
    </message>
    <message>
        <source>une tabulation</source>
        <translation>a tab</translation>
    </message>
    <message>
        <source>un caractère invisible ou de mise en forme (U+{code:04X})</source>
        <translation>an invisible or formatting character (U+{code:04X})</translation>
    </message>
    <message>
        <source>Ce texte contient {what}&#xa0;: écrivez-le sur une seule ligne, sans caractère invisible ni de mise en forme.</source>
        <translation>This text contains {what}: write it on a single line, without invisible or formatting characters.</translation>
    </message>
    <message>
        <source>Ce texte est trop long&#xa0;: {max} caractères au plus.</source>
        <translation>This text is too long: {max} characters at most.</translation>
    </message>
    <message>
        <source>Son contenu n&apos;est pas écrit au format TOML attendu (par exemple&#xa0;: clé = &quot;valeur&quot;).</source>
        <extracomment>The organisation&apos;s logo ([organisation] logo), read and checked; None: none. [organisation] accent_color; None: the system&apos;s colours. French sentences about what the file holds but the app ignores (unknown keys). &quot;option&quot;, &quot;beside-program&quot;, &quot;user&quot;, or &quot;default&quot;</extracomment>
        <translation>Its content is not written in the expected TOML format (for example: key = &quot;value&quot;).</translation>
    </message>
    <message>
        <source>Un identifiant de réunion Zoom de 9 à 11 chiffres est attendu, par exemple «&#xa0;659 515 5541&#xa0;».</source>
        <extracomment>The role in English (``role_en``), for the English interface; else ``role``.</extracomment>
        <translation>A Zoom meeting ID of 9 to 11 digits is expected, for example “659 515 5541”.</translation>
    </message>
    <message>
        <source>La clé «&#xa0;id&#xa0;» est obligatoire.</source>
        <translation>The key “id” is required.</translation>
    </message>
    <message>
        <source>La clé «&#xa0;passcode&#xa0;» est obligatoire.</source>
        <translation>The key “passcode” is required.</translation>
    </message>
    <message>
        <source>Un code d&apos;accès Zoom a {max} caractères au plus, par exemple «&#xa0;Bienvenue!&#xa0;».</source>
        <translation>A Zoom passcode has {max} characters at most, for example “Bienvenue!”.</translation>
    </message>
    <message>
        <source>Le code d&apos;accès doit être un texte entre guillemets, non vide, sans espace ni caractère invisible.</source>
        <translation>The passcode must be text in quotation marks, not empty, with no spaces or invisible characters.</translation>
    </message>
    <message>
        <source>Une seule adresse e-mail est attendue, de la forme nom@domaine.fr, sans espace ni signe comme&#xa0;? &amp; % # / \, par exemple «&#xa0;contact@exemple.fr&#xa0;».</source>
        <translation>A single e-mail address is expected, of the form name@domain.com, without spaces or signs such as ? &amp; % # / \, for example “contact@example.com”.</translation>
    </message>
    <message>
        <source>Indiquez au moins un téléphone (phone) ou un e-mail (email).</source>
        <translation>Give at least a phone number (phone) or an email address (email).</translation>
    </message>
    <message>
        <source>Ce numéro de téléphone contient des chiffres d&apos;une autre écriture&#xa0;: écrivez-le avec les chiffres 0 à 9, par exemple «&#xa0;06 20 15 15 32&#xa0;».</source>
        <translation>This phone number contains digits of another script: write it with the digits 0 to 9, for example “06 20 15 15 32”.</translation>
    </message>
    <message>
        <source>Un numéro de téléphone ne contient que des chiffres, des espaces, des points, des tirets, des parenthèses et un «&#xa0;+&#xa0;» au début, par exemple «&#xa0;06 20 15 15 32&#xa0;» ou «&#xa0;+33 6 20 15 15 32&#xa0;».</source>
        <translation>A phone number contains only digits, spaces, dots, dashes, brackets and a “+” at the start, for example “06 20 15 15 32” or “+33 6 20 15 15 32”.</translation>
    </message>
    <message>
        <source>Un numéro de téléphone de 6 à 15 chiffres est attendu, par exemple «&#xa0;06 20 15 15 32&#xa0;».</source>
        <translation>A phone number of 6 to 15 digits is expected, for example “06 20 15 15 32”.</translation>
    </message>
    <message>
        <source>Une date et une heure sont attendues, par exemple 2026-12-01T14:00:00.</source>
        <translation>A date and time are expected, for example 2026-12-01T14:00:00.</translation>
    </message>
    <message>
        <source>«&#xa0;true&#xa0;» ou «&#xa0;false&#xa0;» est attendu (sans guillemets).</source>
        <translation>“true” or “false” is expected (without quotes).</translation>
    </message>
    <message>
        <source>Une liste d&apos;adresses de serveurs STUN est attendue ({max} au plus), par exemple [&quot;stun.exemple.fr:3478&quot;].</source>
        <translation>A list of STUN server addresses is expected ({max} at most), for example [&quot;stun.example.com:3478&quot;].</translation>
    </message>
    <message>
        <source>L&apos;adresse n° {number} n&apos;est pas celle d&apos;un serveur STUN&#xa0;: un nom ou une adresse IP, puis «&#xa0;:&#xa0;» et un port entre 1 et 65535, par exemple «&#xa0;stun.exemple.fr:3478&#xa0;».</source>
        <translation>Address no. {number} is not a STUN server&apos;s: a name or an IP address, then &quot;:&quot; and a port between 1 and 65535, for example &quot;stun.example.com:3478&quot;.</translation>
    </message>
    <message>
        <source>Un numéro d&apos;appareil (0, 1, …) ou un nom entre guillemets est attendu.</source>
        <translation>A device number (0, 1, …) or a name in quotation marks is expected.</translation>
    </message>
    <message>
        <source>Un nombre entier de minutes entre 1 et 60 est attendu.</source>
        <translation>A whole number of minutes from 1 to 60 is expected.</translation>
    </message>
    <message>
        <source>Ce fichier est introuvable.</source>
        <translation>This file cannot be found.</translation>
    </message>
    <message>
        <source>Ce fichier ne peut pas être lu (droits d&apos;accès&#xa0;?).</source>
        <translation>This file cannot be read (access permissions?).</translation>
    </message>
    <message>
        <source>Ce n&apos;est pas un fichier ordinaire (c&apos;est un périphérique, un tube ou une prise)&#xa0;: indiquez un fichier texte session.toml.</source>
        <translation>This is not an ordinary file (it is a device, a pipe or a socket): give a session.toml text file.</translation>
    </message>
    <message>
        <source>C&apos;est un dossier, pas un fichier&#xa0;: indiquez le fichier session.toml qu&apos;il contient, par exemple «&#xa0;{example}&#xa0;».</source>
        <translation>This is a folder, not a file: give the session.toml file inside it, for example “{example}”.</translation>
    </message>
    <message>
        <source>Ce fichier est trop grand pour être un fichier de configuration ({max} Ko au plus)&#xa0;: vérifiez que c&apos;est bien le fichier session.toml.</source>
        <translation>This file is too large to be a configuration file ({max} kB at most): check that it really is the session.toml file.</translation>
    </message>
    <message>
        <source>Ce fichier doit être enregistré en UTF-8 (texte brut).</source>
        <extracomment>The largest file read. The shipped one is about 3 kB, comments included; 64 kB leaves room for any organisation&apos;s notes, and reading it costs nothing. Anything larger is not a session.toml (a video, a disk image, /dev/zero) and is refused before reading.</extracomment>
        <translation>This file must be saved as UTF-8 (plain text).</translation>
    </message>
    <message>
        <source>Le fichier de configuration «&#xa0;{path}&#xa0;» contient une section inconnue, [{name}]{where}&#xa0;: elle est ignorée.</source>
        <translation>The configuration file “{path}” contains an unknown section, [{name}]{where}: it is ignored.</translation>
    </message>
    <message>
        <source> Vouliez-vous dire [{known}]&#xa0;?</source>
        <translation> Did you mean [{known}]?</translation>
    </message>
    <message>
        <source>Le fichier de configuration «&#xa0;{path}&#xa0;» contient une clé «&#xa0;{name}&#xa0;» hors de toute section{where}&#xa0;: elle est ignorée.</source>
        <translation>The configuration file “{path}” contains a key “{name}” outside any section{where}: it is ignored.</translation>
    </message>
    <message>
        <source>Le fichier de configuration «&#xa0;{path}&#xa0;» contient une clé inconnue, «&#xa0;{key}&#xa0;»{where}&#xa0;: elle est ignorée.</source>
        <translation>The configuration file “{path}” contains an unknown key, “{key}”{where}: it is ignored.</translation>
    </message>
    <message>
        <source> Vouliez-vous dire «&#xa0;{known}&#xa0;»&#xa0;?</source>
        <translation> Did you mean “{known}”?</translation>
    </message>
    <message>
        <source>Une couleur au format «&#xa0;#RRGGBB&#xa0;» est attendue&#xa0;: «&#xa0;#&#xa0;» suivi de six chiffres hexadécimaux (0 à 9, A à F), par exemple «&#xa0;#1F6FB2&#xa0;».</source>
        <extracomment>The largest side of a PNG logo: 4096 px decodes to 64 MB at most (Qt refuses images over 256 MB with a warning, and shows a logo at about 100 px high). Resolved: where the file really is. &quot;png&quot; or &quot;svg&quot; The line of ``logo =`` in the session file, for messages about it.</extracomment>
        <translation>A colour written “#RRGGBB” is expected: “#” followed by six hexadecimal digits (0 to 9, A to F), for example “#1F6FB2”.</translation>
    </message>
    <message>
        <source>par exemple «&#xa0;logo.png&#xa0;» ou «&#xa0;images/logo.png&#xa0;»</source>
        <translation>for example “logo.png” or “images/logo.png”</translation>
    </message>
    <message>
        <source>Le chemin d&apos;une image PNG ou SVG entre guillemets est attendu, {example}.</source>
        <translation>The path of a PNG or SVG image, in quotes, is expected, {example}.</translation>
    </message>
    <message>
        <source>Le chemin du logo s&apos;écrit {example}.</source>
        <translation>The logo&apos;s path is written {example}.</translation>
    </message>
    <message>
        <source>Indiquez le chemin du logo à partir du dossier de ce fichier de configuration (ni adresse web, ni chemin commençant par «&#xa0;/&#xa0;» ou par une lettre de lecteur), {example}.</source>
        <translation>Give the logo&apos;s path from the folder of this configuration file (no web address, no path starting with “/” or a drive letter), {example}.</translation>
    </message>
    <message>
        <source>Le logo doit être une image PNG ou SVG (un nom finissant par .png ou .svg), {example}.</source>
        <translation>The logo must be a PNG or SVG image (a name ending in .png or .svg), {example}.</translation>
    </message>
    <message>
        <source>Le chemin «&#xa0;{path}&#xa0;» tourne en rond (des liens qui renvoient l&apos;un à l&apos;autre)&#xa0;: indiquez le fichier du logo lui-même, {example}.</source>
        <translation>The path “{path}” goes round in circles (links pointing at each other): give the logo file itself, {example}.</translation>
    </message>
    <message>
        <source>Le logo doit se trouver dans le dossier de ce fichier de configuration, «&#xa0;{folder}&#xa0;», ou dans l&apos;un de ses sous-dossiers, {example}.</source>
        <translation>The logo must be in the folder of this configuration file, “{folder}”, or in one of its subfolders, {example}.</translation>
    </message>
    <message>
        <source>L&apos;image «&#xa0;{path}&#xa0;» est introuvable&#xa0;: vérifiez son nom, et qu&apos;elle est bien dans le dossier de ce fichier de configuration (par exemple «&#xa0;logo.png&#xa0;» à côté de «&#xa0;{session}&#xa0;»).</source>
        <translation>The image “{path}” cannot be found: check its name, and that it is in the folder of this configuration file (for example “logo.png” next to “{session}”).</translation>
    </message>
    <message>
        <source>«&#xa0;{path}&#xa0;» n&apos;est pas un fichier ordinaire (c&apos;est un périphérique, un tube ou une prise)&#xa0;: indiquez une image PNG ou SVG, par exemple «&#xa0;logo.png&#xa0;».</source>
        <translation>“{path}” is not an ordinary file (it is a device, a pipe or a socket): give a PNG or SVG image, for example “logo.png”.</translation>
    </message>
    <message>
        <source>L&apos;image «&#xa0;{path}&#xa0;» ne peut pas être lue (droits d&apos;accès&#xa0;?).</source>
        <translation>The image “{path}” cannot be read (access rights?).</translation>
    </message>
    <message>
        <source>«&#xa0;{path}&#xa0;» est un dossier, pas une image&#xa0;: indiquez le fichier du logo qu&apos;il contient, par exemple «&#xa0;{example}&#xa0;».</source>
        <translation>“{path}” is a folder, not an image: give the logo file inside it, for example “{example}”.</translation>
    </message>
    <message>
        <source>L&apos;image «&#xa0;{path}&#xa0;» est trop lourde pour un logo ({max} Mo au plus)&#xa0;: enregistrez-la en plus petit, par exemple un PNG de 600 pixels de large.</source>
        <translation>The image “{path}” is too heavy for a logo ({max} MB at most): save it smaller, for example a PNG 600 pixels wide.</translation>
    </message>
    <message>
        <source>Le fichier «&#xa0;{path}&#xa0;» n&apos;est pas une image {kind} lisible (son contenu est abîmé ou d&apos;un autre format)&#xa0;: enregistrez le logo au format PNG ou SVG, par exemple «&#xa0;logo.png&#xa0;».</source>
        <translation>The file “{path}” is not a readable {kind} image (its content is damaged or of another format): save the logo as PNG or SVG, for example “logo.png”.</translation>
    </message>
    <message>
        <source>L&apos;image «&#xa0;{path}&#xa0;» est trop grande ({width} × {height} pixels, {max} au plus de chaque côté)&#xa0;: enregistrez le logo en plus petit, par exemple de 600 pixels de large.</source>
        <translation>The image “{path}” is too large ({width} × {height} pixels, {max} at most on each side): save the logo smaller, for example 600 pixels wide.</translation>
    </message>
    <message>
        <source>L&apos;image SVG «&#xa0;{path}&#xa0;» contient une déclaration DOCTYPE ou ENTITY, refusée par sécurité&#xa0;: enregistrez le logo en SVG simple, ou au format PNG (par exemple «&#xa0;logo.png&#xa0;»).</source>
        <translation>The SVG image “{path}” holds a DOCTYPE or ENTITY declaration, refused for safety: save the logo as a plain SVG, or as a PNG (for example “logo.png”).</translation>
    </message>
</context>
<context>
    <name>ContactCard</name>
    <message>
        <source>Appeler ce numéro</source>
        <translation>Call this number</translation>
    </message>
    <message>
        <source>Écrire un e-mail à cette adresse</source>
        <translation>Write an email to this address</translation>
    </message>
</context>
<context>
    <name>CrashNotice</name>
    <message>
        <source>L&apos;application s&apos;était fermée</source>
        <translation>The app had closed</translation>
    </message>
    <message>
        <source>La dernière fois, l&apos;application s&apos;est fermée brusquement</source>
        <translation>Last time, the app closed suddenly</translation>
    </message>
    <message>
        <source>Vous n&apos;y êtes pour rien, et vous pouvez continuer normalement. Si cela se reproduit, envoyez le journal de l&apos;application à {name}&#xa0;: il contient les détails qui aident à corriger le problème.</source>
        <translation>It was not your fault, and you can carry on as usual. If it happens again, send the app&apos;s log to {name}: it holds the details that help fix the problem.</translation>
    </message>
    <message>
        <source>Le journal est ici&#xa0;: {path}</source>
        <translation>The log is here: {path}</translation>
    </message>
    <message>
        <source>&amp;Ouvrir le dossier du journal</source>
        <translation>&amp;Open the log&apos;s folder</translation>
    </message>
    <message>
        <source>&amp;Écrire à mon consultant</source>
        <translation>&amp;Write to my consultant</translation>
    </message>
    <message>
        <source>&amp;Continuer</source>
        <translation>&amp;Continue</translation>
    </message>
    <message>
        <source>Préparer ma séance&#xa0;: fermeture inattendue</source>
        <translation>Get ready for my session: unexpected closing</translation>
    </message>
    <message>
        <source>Bonjour,

L&apos;application «&#xa0;Préparer ma séance&#xa0;» s&apos;est fermée brusquement. Je joins son journal, qui se trouve ici&#xa0;:
{path}

Merci.</source>
        <translation>Hello,

The app “Get ready for my session” closed suddenly. I attach its log, which is here:
{path}

Thank you.</translation>
    </message>
    <message>
        <source>Cela n&apos;a pas pu s&apos;ouvrir sur cet ordinateur. Le chemin ci-dessus peut être sélectionné et copié.</source>
        <translation>This could not be opened on this computer. The path above can be selected and copied.</translation>
    </message>
</context>
<context>
    <name>DisplayName</name>
    <message>
        <source>Votre nom complet permet de valider votre présence à la séance.</source>
        <translation>Your full name is used to confirm that you attended the session.</translation>
    </message>
    <message>
        <source>Écrivez votre prénom puis votre nom, par exemple&#xa0;: Mélissa Brunet.</source>
        <translation>Write your first name, then your last name, for example: Emma Martin.</translation>
    </message>
    <message>
        <source>Votre nom contient un caractère invisible ou de mise en forme, souvent ajouté par un copier-coller. Tapez de nouveau votre prénom et votre nom au clavier, par exemple&#xa0;: Mélissa Brunet.</source>
        <translation>Your name contains an invisible or formatting character, often added by copying and pasting. Type your first and last name again on the keyboard, for example: Mélissa Brunet.</translation>
    </message>
    <message>
        <source>Écrivez votre prénom et votre nom en entier, par exemple&#xa0;: Mélissa Brunet.</source>
        <translation>Write your first name and last name in full, for example: Emma Martin.</translation>
    </message>
    <message>
        <source>Un nom ne contient pas de chiffres&#xa0;: écrivez votre prénom et votre nom, par exemple&#xa0;: Mélissa Brunet.</source>
        <translation>A name has no numbers in it: write your first name and last name, for example: Emma Martin.</translation>
    </message>
    <message>
        <source>Écrivez votre prénom et votre nom plutôt que votre adresse e-mail, par exemple&#xa0;: Mélissa Brunet.</source>
        <translation>Write your first name and last name rather than your email address, for example: Emma Martin.</translation>
    </message>
    <message>
        <source>Utilisez seulement des lettres, des traits d&apos;union et des apostrophes, par exemple&#xa0;: Jean-Pierre N&apos;Diaye.</source>
        <translation>Use only letters, hyphens and apostrophes, for example: Jean-Pierre N&apos;Diaye.</translation>
    </message>
    <message>
        <source>Ce nom est trop long pour Zoom (64 caractères au plus)&#xa0;: gardez votre prénom et votre nom.</source>
        <translation>This name is too long for Zoom (64 characters at most): keep just your first name and last name.</translation>
    </message>
</context>
<context>
    <name>EscalationDialog</name>
    <message>
        <source>La connexion ne revient pas</source>
        <translation>The connection is not coming back</translation>
    </message>
    <message>
        <source>La coupure dure depuis plus de {minutes} minutes</source>
        <translation>The connection has been down for more than {minutes} minutes</translation>
    </message>
    <message>
        <source>Prévenez {name} dès maintenant. Gardez cette fenêtre&#xa0;: nous vous dirons quand la connexion revient.</source>
        <translation>Let {name} know now. Keep this window open: we will tell you when the connection is back.</translation>
    </message>
</context>
<context>
    <name>Flow</name>
    <message>
        <source>La vérification n&apos;a pas pu aboutir à temps.</source>
        <extracomment>What ``FlowCheck`` keeps of the runner&apos;s time limit for the flow&apos;s ``stop``. Receives a flow&apos;s updates; called from the flow&apos;s own threads. The check&apos;s id, as in ``--only`` and the report.</extracomment>
        <translation>The check could not finish in time.</translation>
    </message>
    <message>
        <source>Relancez la vérification. Si cela se reproduit, redémarrez l&apos;ordinateur.</source>
        <translation>Run the check again. If this happens again, restart the computer.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Besoin d&apos;aide&#xa0;?</source>
        <translation>Need help?</translation>
    </message>
    <message>
        <source>Un souci avec votre ordinateur ou la connexion&#xa0;? Vous pouvez joindre&#xa0;:</source>
        <translation>A problem with your computer or the connection? You can contact:</translation>
    </message>
    <message>
        <source>Accessibilité et a&amp;daptations</source>
        <translation>Accessibility and a&amp;djustments</translation>
    </message>
    <message>
        <source>Besoin d&apos;une adaptation (sous-titres, lecteur d&apos;écran…)&#xa0;?</source>
        <translation>Need an adjustment (captions, screen reader…)?</translation>
    </message>
</context>
<context>
    <name>HelpText</name>
    <message>
        <source>Téléphone&#xa0;: {link}</source>
        <translation>Phone: {link}</translation>
    </message>
    <message>
        <source>E-mail&#xa0;: {link}</source>
        <translation>Email: {link}</translation>
    </message>
    <message>
        <source>Reconnectez-vous tout de suite avec le même identifiant et le même code d&apos;accès. Si le problème dure plus de {minutes} minutes, appelez {name}.</source>
        <translation>Reconnect straight away with the same meeting ID and passcode. If the problem lasts more than {minutes} minutes, call {name}.</translation>
    </message>
</context>
<context>
    <name>JoinPage</name>
    <message>
        <source>Rejoindre la séance</source>
        <extracomment>&quot;app&quot; or &quot;web&quot;, emitted when the meeting link was handed to the system.</extracomment>
        <translation>Join the session</translation>
    </message>
    <message>
        <source>Voici les informations de votre réunion. Écrivez votre prénom et votre nom, puis cliquez sur «&#xa0;Rejoindre la réunion Zoom&#xa0;».</source>
        <translation>Here are your meeting details. Write your first name and last name, then click “Join the Zoom meeting”.</translation>
    </message>
    <message>
        <source>Copier l&apos;&amp;identifiant</source>
        <translation>Copy the meeting &amp;ID</translation>
    </message>
    <message>
        <source>Copier le &amp;code</source>
        <translation>Copy the &amp;passcode</translation>
    </message>
    <message>
        <source>Identifiant de réunion</source>
        <translation>Meeting ID</translation>
    </message>
    <message>
        <source>Code d&apos;accès</source>
        <translation>Passcode</translation>
    </message>
    <message>
        <source>Votre &amp;nom dans Zoom (prénom et nom)&#xa0;:</source>
        <translation>Your name in &amp;Zoom (first and last name):</translation>
    </message>
    <message>
        <source>Par exemple&#xa0;: Mélissa Brunet</source>
        <translation>For example: Emma Martin</translation>
    </message>
    <message>
        <source>&amp;Rejoindre la réunion Zoom</source>
        <translation>&amp;Join the Zoom meeting</translation>
    </message>
    <message>
        <source>Ouvrir plutôt dans le &amp;navigateur</source>
        <translation>Open in your &amp;web browser instead</translation>
    </message>
    <message>
        <source>Pendant la séance, me prévenir si la connexion est coupée</source>
        <translation>During the session, let me know if the connection drops</translation>
    </message>
    <message>
        <source>Code QR du lien de la réunion</source>
        <translation>QR code of the meeting link</translation>
    </message>
    <message>
        <source>Plan B&#xa0;: scannez ce code avec votre téléphone ou votre tablette pour rejoindre depuis l&apos;application Zoom mobile.</source>
        <translation>Plan B: scan this code with your phone or tablet to join from the Zoom mobile app.</translation>
    </message>
    <message>
        <source>Gardez votre caméra allumée.</source>
        <translation>Keep your camera on.</translation>
    </message>
    <message>
        <source>Coupez votre micro quand vous ne parlez pas.</source>
        <translation>Mute your microphone when you are not speaking.</translation>
    </message>
    <message>
        <source>Aucun enregistrement sans l&apos;accord écrit de tous les participants.</source>
        <translation>No recording without the written consent of all participants.</translation>
    </message>
    <message>
        <source>Pendant la séance</source>
        <translation>During the session</translation>
    </message>
    <message>
        <source>En cas de coupure</source>
        <translation>If the connection drops</translation>
    </message>
    <message>
        <source>✓ Identifiant copié</source>
        <translation>✓ ID copied</translation>
    </message>
    <message>
        <source>✓ Code copié</source>
        <translation>✓ Passcode copied</translation>
    </message>
    <message>
        <source>Parfait&#xa0;: c&apos;est ce nom que verront les participants.</source>
        <translation>Perfect: this is the name the participants will see.</translation>
    </message>
    <message>
        <source>L&apos;application Zoom n&apos;est pas installée&#xa0;: la réunion s&apos;ouvrira dans votre navigateur, et le code d&apos;accès sera copié pour que vous le colliez.</source>
        <translation>The Zoom app is not installed: the meeting will open in your web browser, and the passcode will be copied so that you can paste it.</translation>
    </message>
    <message>
        <source>La réunion s&apos;ouvrira dans l&apos;application Zoom.</source>
        <translation>The meeting will open in the Zoom app.</translation>
    </message>
    <message>
        <source>Ouverture de la réunion…</source>
        <translation>Opening the meeting…</translation>
    </message>
    <message>
        <source>La réunion s&apos;ouvre dans votre navigateur. Le code d&apos;accès «&#xa0;{code}&#xa0;» est copié&#xa0;: collez-le (Ctrl+V) quand Zoom vous le demande.</source>
        <translation>The meeting is opening in your web browser. The passcode “{code}” has been copied: paste it (Ctrl+V) when Zoom asks for it.</translation>
    </message>
    <message>
        <source>Zoom s&apos;ouvre. Bonne séance&#xa0;! Vous pouvez fermer cette fenêtre.</source>
        <translation>Zoom is opening. Have a good session! You can close this window.</translation>
    </message>
    <message>
        <source>Le lien n&apos;a pas pu s&apos;ouvrir. Ouvrez Zoom vous-même, choisissez «&#xa0;Rejoindre&#xa0;» et saisissez l&apos;identifiant et le code d&apos;accès ci-dessus.</source>
        <translation>The link could not be opened. Open Zoom yourself, choose “Join” and enter the meeting ID and passcode shown above.</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <source>Niveau du micro</source>
        <extracomment>The pace the levels come at (the flow&apos;s drain), used for the first block&apos;s fall. Above this the voice is loud; the bar&apos;s last zone. The clipping mark stays lit this long after the last clipped block. A screen reader hears the new word once it has held this long: a voice going up and down must not make it talk over the user. How much of the zone&apos;s tint is mixed into the window&apos;s colour (light or dark theme): enough to see the zones, little enough for the bar to keep its 3:1 on them. Each block&apos;s levels shown (a readiness.core.levels.BlockLevel). The level&apos;s word changed (&quot;correct&quot;, &quot;faible&quot;, &quot;saturé&quot;).</extracomment>
        <translation>Microphone level</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>good</translation>
    </message>
    <message>
        <source>faible</source>
        <translation>low</translation>
    </message>
    <message>
        <source>saturé</source>
        <translation>too loud</translation>
    </message>
    <message>
        <source>Niveau&#xa0;: {word}</source>
        <translation>Level: {word}</translation>
    </message>
    <message>
        <source>SATURÉ</source>
        <translation>TOO LOUD</translation>
    </message>
    <message>
        <source>bon niveau</source>
        <translation>good level</translation>
    </message>
    <message>
        <source>fort</source>
        <translation>loud</translation>
    </message>
</context>
<context>
    <name>LinkOpening</name>
    <message>
        <source>Cet ordinateur ne sait pas appeler. Appelez le {number} depuis votre téléphone.</source>
        <translation>This computer cannot make calls. Call {number} from your phone.</translation>
    </message>
    <message>
        <source>Aucune messagerie ne s&apos;est ouverte. Écrivez à {address} depuis votre messagerie habituelle.</source>
        <translation>No mail app opened. Write to {address} from your usual mailbox.</translation>
    </message>
    <message>
        <source>Le navigateur ne s&apos;est pas ouvert. Ouvrez vous-même cette adresse&#xa0;: {url}</source>
        <translation>The browser did not open. Open this address yourself: {url}</translation>
    </message>
    <message>
        <source>Ce lien ne s&apos;est pas ouvert sur cet ordinateur&#xa0;: {url}</source>
        <translation>This link did not open on this computer: {url}</translation>
    </message>
    <message>
        <source>Le lien ne s&apos;est pas ouvert</source>
        <translation>The link did not open</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Besoin d&apos;&amp;aide&#xa0;?</source>
        <extracomment>Around Help, Back and Next, on the sheet&apos;s edge: in line with the pages&apos; text. Builds the page on first visit: start-up only pays for the welcome page. The user asked for the interface in this language (&quot;fr&quot; or &quot;en&quot;).</extracomment>
        <translation>Need &amp;help?</translation>
    </message>
    <message>
        <source>&amp;Précédent</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>&amp;Suivant</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>Rejoindre la séance</source>
        <translation>Join the session</translation>
    </message>
    <message>
        <source>Bienvenue</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Bilan</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>L&apos;application reste dans la zone de notification et vous prévient en cas de coupure.</source>
        <translation>The app stays in the notification area and lets you know if the connection drops.</translation>
    </message>
</context>
<context>
    <name>Measures</name>
    <message>
        <source>Largeur de l&apos;image</source>
        <translation>Picture width</translation>
    </message>
    <message>
        <source>Hauteur de l&apos;image</source>
        <translation>Picture height</translation>
    </message>
    <message>
        <source>Images par seconde</source>
        <translation>Frames per second</translation>
    </message>
    <message>
        <source>Luminosité (0 à 255)</source>
        <translation>Brightness (0 to 255)</translation>
    </message>
    <message>
        <source>Visages vus</source>
        <translation>Faces seen</translation>
    </message>
    <message>
        <source>Niveau de la voix</source>
        <translation>Voice level</translation>
    </message>
    <message>
        <source>Bruit de fond</source>
        <translation>Background noise</translation>
    </message>
    <message>
        <source>Crête</source>
        <translation>Peak</translation>
    </message>
    <message>
        <source>Saturation</source>
        <translation>Too loud (clipping)</translation>
    </message>
    <message>
        <source>Son joué</source>
        <translation>Sound played</translation>
    </message>
    <message>
        <source>Son entendu par le micro</source>
        <translation>Sound heard by the microphone</translation>
    </message>
    <message>
        <source>Débit descendant</source>
        <translation>Download speed</translation>
    </message>
    <message>
        <source>Débit montant</source>
        <translation>Upload speed</translation>
    </message>
    <message>
        <source>Délai aller-retour</source>
        <translation>Round-trip delay</translation>
    </message>
    <message>
        <source>Gigue</source>
        <translation>Jitter</translation>
    </message>
    <message>
        <source>Connexion</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Mesuré avec</source>
        <translation>Measured with</translation>
    </message>
    <message>
        <source>Processeur utilisé</source>
        <translation>Processor in use</translation>
    </message>
    <message>
        <source>Mémoire libre</source>
        <translation>Free memory</translation>
    </message>
    <message>
        <source>Batterie</source>
        <translation>Battery</translation>
    </message>
    <message>
        <source>Sur batterie</source>
        <translation>On battery</translation>
    </message>
    <message>
        <source>Version de Zoom</source>
        <translation>Zoom version</translation>
    </message>
    <message>
        <source>Zoom installé</source>
        <translation>Zoom installed</translation>
    </message>
    <message>
        <source>Liens Zoom reconnus</source>
        <translation>Zoom links recognised</translation>
    </message>
    <message>
        <source> Mo</source>
        <translation> MB</translation>
    </message>
    <message>
        <source> %</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Câble (Ethernet)</source>
        <translation>Cable (Ethernet)</translation>
    </message>
    <message>
        <source>Wi-Fi</source>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <source>Réseau mobile</source>
        <translation>Mobile network</translation>
    </message>
    <message>
        <source>Aucune</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Type inconnu</source>
        <translation>Unknown type</translation>
    </message>
    <message>
        <source>oui</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>non</source>
        <translation>no</translation>
    </message>
    <message>
        <source>{label}&#xa0;: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
</context>
<context>
    <name>MicrophoneCheck</name>
    <message>
        <source>Installez-vous dans un espace calme et isolé&#xa0;: fermez la fenêtre, éteignez la télévision ou la radio.</source>
        <extracomment>Seconds of speech at a good level that prove the voice is heard.</extracomment>
        <translation>Settle in a quiet, private place: close the window, turn off the TV or radio.</translation>
    </message>
    <message>
        <source>Pendant la séance, coupez votre micro quand vous ne parlez pas.</source>
        <translation>During the session, mute your microphone when you are not speaking.</translation>
    </message>
    <message>
        <source>Vérifiez que le micro n&apos;est pas coupé&#xa0;: bouton ou touche de sourdine, sur le casque ou sur le clavier.</source>
        <translation>Check that the microphone is not muted: look for a mute button or key on your headset or keyboard.</translation>
    </message>
    <message>
        <source>Rapprochez-vous du micro (ou de l&apos;ordinateur).</source>
        <translation>Move closer to the microphone (or to the computer).</translation>
    </message>
    <message>
        <source>Montez le volume d&apos;entrée du micro dans les réglages du son de l&apos;ordinateur.</source>
        <translation>Turn up the microphone input volume in the computer&apos;s sound settings.</translation>
    </message>
    <message>
        <source>Vérifiez que l&apos;ordinateur autorise l&apos;accès au micro (réglages de confidentialité).</source>
        <translation>Check that the computer allows access to the microphone (privacy settings).</translation>
    </message>
    <message>
        <source>Ou choisissez un autre micro dans la liste.</source>
        <translation>Or choose another microphone from the list.</translation>
    </message>
    <message>
        <source>Éloignez-vous un peu du micro, ou parlez un peu moins fort.</source>
        <translation>Move a little further from the microphone, or speak a little more softly.</translation>
    </message>
    <message>
        <source>Baissez le volume d&apos;entrée du micro dans les réglages du son de l&apos;ordinateur.</source>
        <translation>Turn down the microphone input volume in the computer&apos;s sound settings.</translation>
    </message>
    <message>
        <source>Nous vous entendons bien, mais il y a du bruit autour de vous&#xa0;: les autres participants l&apos;entendront.</source>
        <translation>We can hear you well, but there is noise around you: the other participants will hear it.</translation>
    </message>
    <message>
        <source>Nous vous entendons bien.</source>
        <translation>We can hear you well.</translation>
    </message>
    <message>
        <source>Votre voix sature&#xa0;: elle arrivera déformée aux autres.</source>
        <translation>Your voice is too loud: it will sound distorted to the others.</translation>
    </message>
    <message>
        <source>Nous n&apos;entendons aucun son&#xa0;: le micro est peut-être coupé, ou l&apos;ordinateur en bloque l&apos;accès dans ses réglages de confidentialité.</source>
        <translation>We hear no sound at all: the microphone may be muted, or the computer blocks access to it in its privacy settings.</translation>
    </message>
    <message>
        <source>Nous n&apos;entendons aucun son&#xa0;: le micro est peut-être coupé.</source>
        <translation>We cannot hear any sound: the microphone may be muted.</translation>
    </message>
    <message>
        <source>Votre voix nous parvient trop faiblement.</source>
        <translation>Your voice is coming through too quietly.</translation>
    </message>
    <message>
        <source>Micro</source>
        <translation>Microphone</translation>
    </message>
</context>
<context>
    <name>MicrophonePage</name>
    <message>
        <source>Vérifions que les autres vous entendront bien&#xa0;: d&apos;abord le calme autour de vous, puis votre voix.</source>
        <extracomment>Between two attempts to reopen a missing, busy or unplugged microphone. « M&apos;écouter » is given up when it has not ended this long after twice its recording (its flow&apos;s own limits come first: this is for a driver call that never returns). The microphone&apos;s phases in which its stream runs: « M&apos;écouter » can borrow it.</extracomment>
        <translation>Let&apos;s check that the others will hear you well: first how quiet it is around you, then your voice.</translation>
    </message>
    <message>
        <source>&amp;Micro utilisé&#xa0;:</source>
        <extracomment>Runs the flow; its updates come back here, on the GUI thread.</extracomment>
        <translation>&amp;Microphone in use:</translation>
    </message>
    <message>
        <source>Le niveau reste affiché&#xa0;: parlez encore pour le voir bouger.</source>
        <translation>The level stays on screen: speak again to see it move.</translation>
    </message>
    <message>
        <source>&amp;Recommencer la mesure</source>
        <translation>&amp;Restart the measurement</translation>
    </message>
    <message>
        <source>Votre voix reste en mémoire le temps de l&apos;écoute, puis elle est oubliée&#xa0;: rien n&apos;est écrit sur l&apos;ordinateur.</source>
        <translation>Your voice stays in memory while you listen, then it is forgotten: nothing is written on the computer.</translation>
    </message>
    <message>
        <source>Le son n&apos;est jamais enregistré ni envoyé&#xa0;: il reste sur cet ordinateur.</source>
        <translation>The sound is never recorded or sent: it stays on this computer.</translation>
    </message>
    <message>
        <source>Niveau&#xa0;: {word}</source>
        <translation>Level: {word}</translation>
    </message>
    <message>
        <source>Ouverture du micro…</source>
        <translation>Opening the microphone…</translation>
    </message>
    <message>
        <source>Ne parlez pas pendant quelques secondes&#xa0;: nous écoutons le bruit autour de vous.</source>
        <translation>Stay silent for a few seconds: we are listening to the noise around you.</translation>
    </message>
    <message>
        <source>Le micro choisi la dernière fois n&apos;est pas branché&#xa0;: nous utilisons celui par défaut.</source>
        <translation>The microphone you chose last time is not plugged in: we are using the default one.</translation>
    </message>
    <message>
        <source>Mesure du calme autour de vous…</source>
        <translation>Measuring how quiet it is around you…</translation>
    </message>
    <message>
        <source>Espace calme&#xa0;: il y a du bruit autour de vous, les autres participants l&apos;entendront.</source>
        <translation>Quiet space: there is noise around you, the other participants will hear it.</translation>
    </message>
    <message>
        <source>Espace calme&#xa0;: la pièce est calme, très bien.</source>
        <translation>Quiet space: the room is quiet, very good.</translation>
    </message>
    <message>
        <source>Maintenant, dites une phrase à voix normale, par exemple&#xa0;: «&#xa0;Bonjour, je suis là pour ma séance.&#xa0;»</source>
        <translation>Now say a sentence in your normal voice, for example: “Hello, I&apos;m here for my session.”</translation>
    </message>
    <message>
        <source>Nous écoutons votre voix…</source>
        <translation>We are listening to your voice…</translation>
    </message>
    <message>
        <source>Niveau&#xa0;: —</source>
        <translation>Level: —</translation>
    </message>
    <message>
        <source>Écoute arrêtée&#xa0;: votre voix est déjà oubliée. Pour recommencer, cliquez sur «&#xa0;M&apos;écouter&#xa0;».</source>
        <translation>Listening stopped: your voice is already forgotten. To start again, click “Hear myself”.</translation>
    </message>
    <message>
        <source>Écoute en cours…</source>
        <translation>Playing back…</translation>
    </message>
    <message>
        <source>Nous n&apos;avons presque rien entendu&#xa0;: le micro est peut-être coupé ou loin de vous. Vérifiez-le, puis cliquez de nouveau sur «&#xa0;M&apos;écouter&#xa0;».</source>
        <translation>We heard almost nothing: the microphone may be muted or far from you. Check it, then click “Hear myself” again.</translation>
    </message>
    <message>
        <source>Voilà comment les autres vous entendront. Votre voix est déjà oubliée. Pour vous réécouter, cliquez de nouveau sur «&#xa0;M&apos;écouter&#xa0;».</source>
        <translation>That is how the others will hear you. Your voice is already forgotten. To hear yourself again, click “Hear myself” again.</translation>
    </message>
    <message>
        <source>Votre voix n&apos;a pas pu être jouée&#xa0;: aucune sortie son n&apos;est disponible. Branchez un casque ou des haut-parleurs, puis cliquez de nouveau sur «&#xa0;M&apos;écouter&#xa0;».</source>
        <translation>Your voice could not be played: no sound output is available. Plug in a headset or speakers, then click “Hear myself” again.</translation>
    </message>
    <message>
        <source>Votre voix n&apos;a pas pu être jouée&#xa0;: la sortie son est occupée par une autre application. Fermez-la, puis cliquez de nouveau sur «&#xa0;M&apos;écouter&#xa0;».</source>
        <translation>Your voice could not be played: the sound output is being used by another application. Close it, then click “Hear myself” again.</translation>
    </message>
    <message>
        <source>Le micro n&apos;a rien envoyé pendant l&apos;enregistrement. Vérifiez qu&apos;il est bien branché, puis cliquez de nouveau sur «&#xa0;M&apos;écouter&#xa0;».</source>
        <translation>The microphone sent nothing while recording. Check that it is plugged in, then click “Hear myself” again.</translation>
    </message>
    <message>
        <source>Votre voix n&apos;a pas pu être jouée jusqu&apos;au bout. Vérifiez la sortie son sur la page «&#xa0;Haut-parleurs&#xa0;», puis cliquez de nouveau sur «&#xa0;M&apos;écouter&#xa0;».</source>
        <translation>Your voice could not be played to the end. Check the sound output on the “Speakers” page, then click “Hear myself” again.</translation>
    </message>
    <message>
        <source>M&apos;é&amp;couter</source>
        <translation>Hear m&amp;yself</translation>
    </message>
    <message>
        <source>Arrê&amp;ter</source>
        <translation>S&amp;top</translation>
    </message>
    <message>
        <source>Facultatif&#xa0;: cliquez sur «&#xa0;M&apos;écouter&#xa0;», parlez quelques secondes, puis écoutez votre voix comme les autres l&apos;entendront.</source>
        <translation>Optional: click “Hear myself”, speak for a few seconds, then listen to your voice as the others will hear it.</translation>
    </message>
    <message>
        <source>Parlez maintenant… encore {seconds} s</source>
        <translation>Speak now… {seconds} s left</translation>
    </message>
</context>
<context>
    <name>NetworkCheck</name>
    <message>
        <source>Ce réseau inspecte les connexions sécurisées&#xa0;: si Zoom ne se connecte pas, utilisez une autre connexion.</source>
        <extracomment>Below this, Wi-Fi drops and slows down in bursts (about -75 dBm). A download raising the delay this much means the box queues too much: other downloads will hurt the call.</extracomment>
        <translation>This network inspects secure connections: if Zoom does not connect, use another connection.</translation>
    </message>
    <message>
        <source>réception {down}&#xa0;Mbit/s, envoi {up}&#xa0;Mbit/s</source>
        <translation>download {down}&#xa0;Mbit/s, upload {up}&#xa0;Mbit/s</translation>
    </message>
    <message>
        <source>, délai {ms}&#xa0;ms</source>
        <translation>, delay {ms}&#xa0;ms</translation>
    </message>
    <message>
        <source>Votre connexion permet la vidéo HD et le partage d&apos;écran ({figures}).</source>
        <translation>Your connection is good enough for HD video and screen sharing ({figures}).</translation>
    </message>
    <message>
        <source>Votre connexion permet la vidéo en qualité standard ({figures}).</source>
        <translation>Your connection is good enough for standard-quality video ({figures}).</translation>
    </message>
    <message>
        <source>Votre connexion ne permet que l&apos;audio&#xa0;: la vidéo risque de se figer ({figures}).</source>
        <translation>Your connection is only good enough for audio: the video may freeze ({figures}).</translation>
    </message>
    <message>
        <source>Votre connexion est insuffisante pour une séance Zoom ({figures}).</source>
        <translation>Your connection is not good enough for a Zoom session ({figures}).</translation>
    </message>
    <message>
        <source>Le délai de la connexion est long&#xa0;: les échanges auront un léger décalage. Une connexion par câble ou plus proche de la box le réduit.</source>
        <translation>Your connection has a long delay: conversation will lag slightly. A cable connection, or being closer to your router, reduces it.</translation>
    </message>
    <message>
        <source>Fermez ce qui télécharge (mises à jour, films, sauvegardes en ligne) et demandez aux autres personnes du foyer de faire une pause pendant la séance.</source>
        <translation>Close anything that is downloading (updates, films, online backups) and ask the other people at home to take a break during the session.</translation>
    </message>
    <message>
        <source>Si possible, utilisez une autre connexion (le partage de connexion de votre téléphone) et relancez le test. Sinon, prévenez votre consultant&#xa0;: la séance pourra se faire caméra coupée.</source>
        <translation>If you can, use another connection (share your phone&apos;s connection) and run the test again. If not, let your consultant know: the session can take place with the camera off.</translation>
    </message>
    <message>
        <source>Zoom signale en ce moment un incident sur son service&#xa0;: si la séance a des soucis, ils peuvent venir de Zoom et non de chez vous. Patientez quelques minutes puis réessayez, et prévenez votre consultant si cela dure.</source>
        <translation>Zoom is reporting an incident on its service right now: if the session has trouble, it may come from Zoom and not from your side. Wait a few minutes, then try again, and tell your consultant if it lasts.</translation>
    </message>
    <message>
        <source>Beaucoup de paquets se perdent en route ({percent}&#xa0;%)&#xa0;: le son et l&apos;image vont hacher. Rejoignez la séance caméra coupée (audio seulement).</source>
        <extracomment>From least to most severe, to raise a status without ever lowering it.</extracomment>
        <translation>Many packets are lost on the way ({percent}%): sound and video will break up. Join the session with your camera off (audio only).</translation>
    </message>
    <message>
        <source>Une partie des paquets se perd en route ({percent}&#xa0;%)&#xa0;: l&apos;image risque de se figer par moments. Si cela arrive pendant la séance, coupez votre caméra&#xa0;: le son passera mieux.</source>
        <translation>Some packets are lost on the way ({percent}%): the picture may freeze at times. If that happens during the session, turn your camera off: the sound will come through better.</translation>
    </message>
    <message>
        <source>La connexion est irrégulière (gigue de {ms}&#xa0;ms)&#xa0;: le son peut hacher par moments. Fermez ce qui télécharge&#xa0;; en Wi-Fi, rapprochez-vous de la box.</source>
        <translation>The connection is irregular (jitter of {ms} ms): the sound may break up at times. Close whatever is downloading; on Wi-Fi, move closer to your router.</translation>
    </message>
    <message>
        <source>La connexion s&apos;est coupée pendant {seconds}&#xa0;s au cours du test&#xa0;: l&apos;image se fige et des mots se perdent. Si cela se reproduit, redémarrez votre box.</source>
        <translation>The connection dropped for {seconds} s during the test: the picture freezes and words get lost. If it happens again, restart your router.</translation>
    </message>
    <message>
        <source>Le son et l&apos;image de Zoom ne passent pas par leur voie habituelle (UDP)&#xa0;: Zoom passera par sa voie de secours (TCP 443), et l&apos;image pourra être moins fluide. Sur un réseau d&apos;entreprise, d&apos;école ou d&apos;hôtel, demandez au service informatique d&apos;ouvrir à Zoom les ports UDP 8801 à 8810 et 3478 à 3479. À la maison, redémarrez votre box ou essayez le partage de connexion de votre téléphone.</source>
        <translation>Zoom&apos;s sound and video cannot take their usual route (UDP): Zoom will use its back-up route (TCP 443), and the picture may be less smooth. On a company, school or hotel network, ask the IT department to open UDP ports 8801 to 8810 and 3478 to 3479 to Zoom. At home, restart your router or try sharing your phone&apos;s connection.</translation>
    </message>
    <message>
        <source>, pertes {percent}&#xa0;%</source>
        <translation>, {percent}% loss</translation>
    </message>
    <message>
        <source>Le signal Wi-Fi est faible ({percent}&#xa0;%)&#xa0;: branchez un câble si vous le pouvez, sinon rapprochez-vous de la box.</source>
        <translation>The Wi-Fi signal is weak ({percent}%): plug in a cable if you can, or else move closer to your router.</translation>
    </message>
    <message>
        <source>Vous êtes en Wi-Fi&#xa0;: un câble branché sur la box, ou se rapprocher d&apos;elle, améliore souvent la connexion.</source>
        <translation>You are on Wi-Fi: a cable plugged into your router, or moving closer to it, often improves the connection.</translation>
    </message>
    <message>
        <source>Un VPN est actif&#xa0;: il ralentit souvent les appels vidéo. Déconnectez-le pendant la séance si vous le pouvez.</source>
        <translation>A VPN is on: it often slows down video calls. Disconnect it during the session if you can.</translation>
    </message>
    <message>
        <source>Quand la connexion est chargée, le délai augmente de {ms}&#xa0;ms&#xa0;: évitez les téléchargements pendant la séance.</source>
        <translation>When the connection is busy, the delay goes up by {ms}&#xa0;ms: avoid downloads during the session.</translation>
    </message>
    <message>
        <source>Vérifiez que le Wi-Fi est activé ou que le câble est branché, puis relancez le test. Si rien ne change, redémarrez votre box internet.</source>
        <translation>Check that Wi-Fi is turned on or that the cable is plugged in, then run the test again. If nothing changes, restart your internet router.</translation>
    </message>
    <message>
        <source>Cet ordinateur n&apos;est pas connecté à internet.</source>
        <translation>This computer is not connected to the internet.</translation>
    </message>
    <message>
        <source>{reason} Le débit n&apos;a pas pu être mesuré, mais Zoom est joignable.</source>
        <translation>{reason} The speed could not be measured, but Zoom can be reached.</translation>
    </message>
    <message>
        <source>{reason} Zoom ne répond pas non plus.</source>
        <translation>{reason} Zoom is not responding either.</translation>
    </message>
    <message>
        <source>Le serveur de mesure {service} est introuvable (problème de DNS).</source>
        <translation>The test server {service} cannot be found (DNS problem).</translation>
    </message>
    <message>
        <source>Le serveur de mesure {service} refuse la connexion.</source>
        <translation>The test server {service} is refusing the connection.</translation>
    </message>
    <message>
        <source>Le serveur de mesure {service} ne répond pas à temps.</source>
        <translation>The test server {service} is not responding in time.</translation>
    </message>
    <message>
        <source>Le serveur de mesure {service} refuse la mesure (accès interdit).</source>
        <translation>The test server {service} is refusing the test (access forbidden).</translation>
    </message>
    <message>
        <source>Un proxy du réseau empêche la mesure vers {service}.</source>
        <translation>A proxy on the network is blocking the test to {service}.</translation>
    </message>
    <message>
        <source>La connexion sécurisée au serveur de mesure {service} a échoué.</source>
        <translation>The secure connection to the test server {service} failed.</translation>
    </message>
    <message>
        <source>Le serveur de mesure {service} a répondu de façon inattendue.</source>
        <translation>The test server {service} gave an unexpected response.</translation>
    </message>
    <message>
        <source>Aucune donnée n&apos;a pu être échangée avec {service}.</source>
        <translation>No data could be exchanged with {service}.</translation>
    </message>
    <message>
        <source>La mesure a été annulée.</source>
        <translation>The test was cancelled.</translation>
    </message>
    <message>
        <source>Sur un réseau d&apos;entreprise, d&apos;école ou d&apos;hôtel, le filtrage bloque souvent les tests de débit&#xa0;: essayez une autre connexion (le partage de connexion de votre téléphone), ou demandez au service informatique.</source>
        <translation>On a company, school or hotel network, filtering often blocks speed tests: try another connection (share your phone&apos;s connection), or ask the IT department.</translation>
    </message>
    <message>
        <source>Redémarrez votre box internet, puis relancez le test.</source>
        <translation>Restart your internet router, then run the test again.</translation>
    </message>
    <message>
        <source>Relancez le test dans un instant. Si cela se reproduit, redémarrez votre box internet.</source>
        <translation>Run the test again in a moment. If it happens again, restart your internet router.</translation>
    </message>
    <message>
        <source>Un pare-feu semble bloquer Zoom&#xa0;: zoom.us ne répond pas, alors que le reste d&apos;internet fonctionne.</source>
        <translation>A firewall seems to be blocking Zoom: zoom.us is not responding, although the rest of the internet works.</translation>
    </message>
    <message>
        <source>Sur un réseau d&apos;entreprise, d&apos;école ou d&apos;hôtel, demandez au service informatique d&apos;autoriser Zoom, ou utilisez le partage de connexion de votre téléphone.</source>
        <translation>On a company, school or hotel network, ask the IT department to allow Zoom, or share your phone&apos;s connection.</translation>
    </message>
    <message>
        <source>Connexion internet</source>
        <translation>Internet connection</translation>
    </message>
    <message>
        <source>La mesure s&apos;est interrompue sur une erreur inattendue.</source>
        <extracomment>The limit with the default stability time. Guards the observer: nothing is sent once ``stop`` has returned.</extracomment>
        <translation>The measurement stopped because of an unexpected error.</translation>
    </message>
    <message>
        <source>Relancez le test. Si cela se reproduit, prévenez votre consultant.</source>
        <translation>Run the test again. If this happens again, let your consultant know.</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <source>Nous mesurons votre connexion (une dizaine de secondes) et la comparons à ce dont Zoom a besoin. Sa stabilité est suivie depuis l&apos;ouverture de l&apos;application. Pendant le test, évitez de lancer d&apos;autres téléchargements.</source>
        <extracomment>A smaller rise of the delay under load is noise, not worth a line. The live view of the background watch is redrawn this often.</extracomment>
        <translation>We measure your connection (about ten seconds) and compare it with what Zoom needs. Its stability has been followed since the app opened. During the test, avoid starting other downloads.</translation>
    </message>
    <message>
        <source>%p %</source>
        <extracomment>Runs the test&apos;s flow; only the latest one is heard (a cancelled one winds down unheard).</extracomment>
        <translation>%p%</translation>
    </message>
    <message>
        <source>Avancement du test</source>
        <translation>Test progress</translation>
    </message>
    <message>
        <source>&amp;Lancer le test</source>
        <translation>&amp;Start the test</translation>
    </message>
    <message>
        <source>A&amp;nnuler</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Test annulé&#xa0;: votre connexion n&apos;a pas été mesurée.</source>
        <extracomment>The line watched since the window opened; None: not watched (no STUN server). What the last test found, judged again on the watch&apos;s newer figures.</extracomment>
        <translation>Test cancelled: your connection was not measured.</translation>
    </message>
    <message>
        <source>Cliquez sur «&#xa0;Lancer le test&#xa0;» quand vous le souhaitez.</source>
        <translation>Click “Start the test” whenever you are ready.</translation>
    </message>
    <message>
        <source> {mbps}&#xa0;Mbit/s</source>
        <translation> {mbps}&#xa0;Mbit/s</translation>
    </message>
    <message>
        <source>Mesure de la réception (ce que vous recevez)…</source>
        <translation>Measuring the download (what you receive)…</translation>
    </message>
    <message>
        <source>Mesure de l&apos;envoi (ce que vous envoyez)…</source>
        <translation>Measuring the upload (what you send)…</translation>
    </message>
    <message>
        <source>Mesure de la régularité de la connexion (son et image)…</source>
        <translation>Measuring how steady the connection is (sound and video)…</translation>
    </message>
    <message>
        <source>Vérification de l&apos;accès à Zoom…</source>
        <translation>Checking access to Zoom…</translation>
    </message>
    <message>
        <source>{first} n&apos;a pas pu mesurer&#xa0;: nouvelle tentative avec {service}…</source>
        <translation>{first} could not measure: trying again with {service}…</translation>
    </message>
    <message>
        <source>Connexion au serveur de mesure {service}…</source>
        <translation>Connecting to the {service} test server…</translation>
    </message>
    <message>
        <source>&amp;Refaire le test</source>
        <translation>&amp;Run the test again</translation>
    </message>
    <message>
        <source>Mesure de votre connexion en cours…</source>
        <translation>Measuring your connection…</translation>
    </message>
    <message>
        <source>Préparation du test…</source>
        <translation>Getting the test ready…</translation>
    </message>
</context>
<context>
    <name>PrivacyButton</name>
    <message>
        <source>Ouvrir les réglages de confidentialité</source>
        <translation>Open the privacy settings</translation>
    </message>
    <message>
        <source>Les réglages ne se sont pas ouverts. Ouvrez-les vous-même&#xa0;:</source>
        <translation>The settings did not open. Open them yourself:</translation>
    </message>
    <message>
        <source>Les réglages ne se sont pas ouverts</source>
        <translation>The settings did not open</translation>
    </message>
</context>
<context>
    <name>PrivacySettings</name>
    <message>
        <source>Ensuite, quittez «&#xa0;Préparer ma séance&#xa0;» et rouvrez-la&#xa0;: macOS ne donne l&apos;accès qu&apos;à une application rouverte.</source>
        <translation>Then quit “Get ready for my session” and open it again: macOS gives access only to an application opened again.</translation>
    </message>
    <message>
        <source>Ouvrez Réglages Système &gt; Confidentialité et sécurité &gt; Micro, et autorisez «&#xa0;Préparer ma séance&#xa0;».</source>
        <translation>Open System Settings &gt; Privacy and Security &gt; Microphone, and allow “Get ready for my session”.</translation>
    </message>
    <message>
        <source>Ouvrez Réglages Système &gt; Confidentialité et sécurité &gt; Enregistrement de l&apos;écran, et autorisez «&#xa0;zoom.us&#xa0;».</source>
        <translation>Open System Settings &gt; Privacy and Security &gt; Screen Recording, and allow “zoom.us”.</translation>
    </message>
    <message>
        <source>macOS propose alors de quitter Zoom et de le rouvrir&#xa0;: acceptez, le partage d&apos;écran n&apos;est possible qu&apos;après.</source>
        <translation>macOS then offers to quit Zoom and open it again: accept, screen sharing works only after that.</translation>
    </message>
    <message>
        <source>Ouvrez Paramètres &gt; Confidentialité et sécurité &gt; Microphone, et activez «&#xa0;Accès au microphone&#xa0;» et «&#xa0;Autoriser les applications de bureau à accéder à votre microphone&#xa0;».</source>
        <translation>Open Settings &gt; Privacy and security &gt; Microphone, and turn on “Microphone access” and “Let desktop apps access your microphone”.</translation>
    </message>
</context>
<context>
    <name>ProcessesCheck</name>
    <message>
        <source>{app}&#xa0;: {advice}</source>
        <translation>{app}: {advice}</translation>
    </message>
    <message>
        <source>Branchez votre ordinateur&#xa0;: sur batterie, l&apos;économie d&apos;énergie ralentit la vidéo.</source>
        <translation>Plug in your computer: on battery, power saving slows down the video.</translation>
    </message>
    <message>
        <source>Votre disque est presque plein&#xa0;: supprimez quelques fichiers inutiles.</source>
        <translation>Your disk is almost full: delete a few files you don&apos;t need.</translation>
    </message>
    <message>
        <source>L&apos;ordinateur est débordé&#xa0;: la vidéo risque de saccader ou de se couper.</source>
        <translation>The computer is overloaded: the video may stutter or cut out.</translation>
    </message>
    <message>
        <source>Fermez les applications dont vous n&apos;avez pas besoin, puis vérifiez à nouveau.</source>
        <translation>Close the applications you don&apos;t need, then check again.</translation>
    </message>
    <message>
        <source>Une application peut gêner la séance.</source>
        <translation>One application may interfere with the session.</translation>
    </message>
    <message>
        <source>{count} applications peuvent gêner la séance.</source>
        <translation>{count} applications may interfere with the session.</translation>
    </message>
    <message>
        <source>Quelques réglages de l&apos;ordinateur sont à revoir.</source>
        <translation>A few computer settings need a look.</translation>
    </message>
    <message>
        <source>Aucune application ne gêne la séance.</source>
        <translation>No application is interfering with the session.</translation>
    </message>
    <message>
        <source>Une application occupe beaucoup le processeur&#xa0;: fermez-la si vous ne l&apos;utilisez pas.</source>
        <translation>An application is keeping the processor very busy: close it if you are not using it.</translation>
    </message>
    <message>
        <source>Une application occupe beaucoup de mémoire&#xa0;: fermez-la si vous ne l&apos;utilisez pas.</source>
        <translation>An application is taking up a lot of memory: close it if you are not using it.</translation>
    </message>
    <message>
        <source>Certaines applications peuvent utiliser votre connexion&#xa0;: fermez-les ou mettez-les en pause.</source>
        <translation>Some applications may be using your connection: close them or pause them.</translation>
    </message>
    <message>
        <source>Une autre application d&apos;appel vidéo peut bloquer la caméra ou le micro&#xa0;: fermez-la.</source>
        <translation>Another video call application may be blocking the camera or microphone: close it.</translation>
    </message>
    <message>
        <source>Applications ouvertes</source>
        <translation>Open applications</translation>
    </message>
    <message>
        <source>La liste des applications n&apos;a pas pu être lue. Réessayez dans un instant.</source>
        <extracomment>The command line&apos;s limit: a scan samples for about a second. A program, as the closer knows it: its pid, and its start time against a reused pid. Guards the observer (nothing is sent once stopped) and which scan is current.</extracomment>
        <translation>The list of applications could not be read. Try again in a moment.</translation>
    </message>
</context>
<context>
    <name>ProcessesPage</name>
    <message>
        <source>Certaines applications ralentissent l&apos;ordinateur ou utilisent votre connexion. Nous regardons ce qui est ouvert en ce moment. Rien n&apos;est fermé sans votre accord.</source>
        <translation>Some applications slow down the computer or use your connection. We are looking at what is open right now. Nothing is closed without your agreement.</translation>
    </message>
    <message>
        <source>&amp;Vérifier à nouveau</source>
        <extracomment>Runs the step&apos;s flow: a newer scan replaces one still running, whose list may show what was just closed.</extracomment>
        <translation>&amp;Check again</translation>
    </message>
    <message>
        <source>Une réunion ouverte dans un onglet du navigateur ne se voit pas d&apos;ici&#xa0;: fermez cet onglet vous-même.</source>
        <translation>A meeting open in a browser tab can&apos;t be seen from here: please close that tab yourself.</translation>
    </message>
    <message>
        <source>Recherche des applications ouvertes…</source>
        <translation>Looking for open applications…</translation>
    </message>
    <message>
        <source>La liste des applications n&apos;a pas pu être lue. Réessayez dans un instant.</source>
        <translation>The list of applications could not be read. Try again in a moment.</translation>
    </message>
    <message>
        <source>Peut bloquer la caméra ou le micro</source>
        <translation>May block the camera or microphone</translation>
    </message>
    <message>
        <source>Peut utiliser votre connexion</source>
        <translation>May use your connection</translation>
    </message>
    <message>
        <source>Utilise beaucoup le processeur</source>
        <translation>Uses a lot of processor power</translation>
    </message>
    <message>
        <source>Utilise beaucoup de mémoire</source>
        <translation>Uses a lot of memory</translation>
    </message>
    <message>
        <source>Fermer «&#xa0;{app}&#xa0;»&#xa0;?</source>
        <translation>Close “{app}”?</translation>
    </message>
    <message>
        <source>Si vous y avez un travail en cours, enregistrez-le d&apos;abord dans {app}.</source>
        <translation>If you have work in progress there, save it in {app} first.</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Fermer une application</source>
        <translation>Close an application</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Fermeture en cours…</source>
        <translation>Closing…</translation>
    </message>
    <message>
        <source>Fermée.</source>
        <translation>Closed.</translation>
    </message>
    <message>
        <source>{app} ne répond pas.</source>
        <translation>{app} is not responding.</translation>
    </message>
    <message>
        <source>«&#xa0;{app}&#xa0;» ne se ferme pas. Forcer la fermeture&#xa0;?</source>
        <translation>“{app}” won&apos;t close. Force it to close?</translation>
    </message>
    <message>
        <source>Ce qui n&apos;a pas été enregistré dans {app} sera perdu.</source>
        <translation>Anything not saved in {app} will be lost.</translation>
    </message>
    <message>
        <source>Forcer la fermeture</source>
        <translation>Force close</translation>
    </message>
    <message>
        <source>Impossible de fermer {app} d&apos;ici&#xa0;: fermez-la vous-même.</source>
        <translation>{app} can&apos;t be closed from here: please close it yourself.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>le {date} à {time}</source>
        <translation>on {date} at {time}</translation>
    </message>
    <message>
        <source>Vérification</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Mesures</source>
        <translation>Measurements</translation>
    </message>
    <message>
        <source>À faire</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>Organisme</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Vérifications faites</source>
        <translation>Checks done</translation>
    </message>
    <message>
        <source>Réunion rejointe</source>
        <translation>Meeting joined</translation>
    </message>
    <message>
        <source>Ordinateur</source>
        <translation>Computer</translation>
    </message>
    <message>
        <source>Version de l&apos;application</source>
        <translation>App version</translation>
    </message>
    <message>
        <source>Vérification technique avant la séance</source>
        <translation>Technical check before the session</translation>
    </message>
    <message>
        <source>Ce rapport ne contient aucune image de la caméra ni aucun son&#xa0;: seulement les résultats des vérifications.</source>
        <translation>This report holds no camera image and no sound: only the results of the checks.</translation>
    </message>
    <message>
        <source>Pièce de la séance (déclaration du participant)</source>
        <translation>Room for the session (as stated by the participant)</translation>
    </message>
    <message>
        <source>Bonjour,</source>
        <translation>Hello,</translation>
    </message>
    <message>
        <source>Voici le résultat de ma vérification technique avant la séance&#xa0;:</source>
        <translation>Here is the result of my technical check before the session:</translation>
    </message>
    <message>
        <source>- {title}&#xa0;: {status} — {summary}</source>
        <translation>- {title}: {status} — {summary}</translation>
    </message>
    <message>
        <source>Ma pièce pour la séance&#xa0;:</source>
        <translation>My room for the session:</translation>
    </message>
    <message>
        <source>- {label}&#xa0;: {answer}</source>
        <translation>- {label}: {answer}</translation>
    </message>
    <message>
        <source>Le rapport complet est enregistré ici&#xa0;: {path} . Je le joins à ce message.</source>
        <translation>The full report is saved here: {path} . I am attaching it to this message.</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>Pas encore vérifié.</source>
        <translation>Not checked yet.</translation>
    </message>
    <message>
        <source>verification-seance-{stamp}.pdf</source>
        <translation>session-check-{stamp}.pdf</translation>
    </message>
    <message>
        <source>Vérification technique avant la séance — {name}</source>
        <translation>Technical check before the session — {name}</translation>
    </message>
</context>
<context>
    <name>RoomChecklist</name>
    <message>
        <source>Je suis dans un endroit calme</source>
        <translation>I am somewhere quiet</translation>
    </message>
    <message>
        <source>La pièce est bien éclairée</source>
        <translation>The room is well lit</translation>
    </message>
    <message>
        <source>Je suis seul(e) dans la pièce</source>
        <translation>I am alone in the room</translation>
    </message>
    <message>
        <source>La porte est fermée</source>
        <translation>The door is closed</translation>
    </message>
    <message>
        <source>Endroit calme</source>
        <translation>Quiet place</translation>
    </message>
    <message>
        <source>Pièce bien éclairée</source>
        <translation>Well-lit room</translation>
    </message>
    <message>
        <source>Seul(e) dans la pièce</source>
        <translation>Alone in the room</translation>
    </message>
    <message>
        <source>Porte fermée</source>
        <translation>Door closed</translation>
    </message>
    <message>
        <source>confirmé</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <source>non confirmé</source>
        <translation>not confirmed</translation>
    </message>
</context>
<context>
    <name>RoomChecklistView</name>
    <message>
        <source>Votre pièce pour la séance</source>
        <translation>Your room for the session</translation>
    </message>
    <message>
        <source>La séance est confidentielle&#xa0;: le guide demande une pièce calme et bien éclairée, où vous êtes seul(e), porte fermée. Cochez ce qui est prêt. C&apos;est facultatif, vous pouvez rejoindre la séance dans tous les cas&#xa0;; le rapport dira ce que vous avez coché.</source>
        <translation>The session is confidential: the guide asks for a quiet, well-lit room where you are alone, with the door closed. Tick what is ready. It is optional, you can join the session either way; the report will say what you ticked.</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>La vérification n&apos;a pas répondu à temps.</source>
        <translation>The check did not respond in time.</translation>
    </message>
    <message>
        <source>Relancez la vérification. Si cela se reproduit, redémarrez l&apos;ordinateur.</source>
        <translation>Run the check again. If this happens again, restart the computer.</translation>
    </message>
    <message>
        <source>La vérification s&apos;est interrompue sur une erreur inattendue.</source>
        <translation>The check stopped because of an unexpected error.</translation>
    </message>
    <message>
        <source>Relancez la vérification. Si cela se reproduit, prévenez votre consultant.</source>
        <translation>Run the check again. If this happens again, let your consultant know.</translation>
    </message>
</context>
<context>
    <name>ScreenSharing</name>
    <message>
        <source>Pour partager votre écran pendant la séance, Zoom doit en avoir l&apos;autorisation sur ce Mac.</source>
        <extracomment>The Zoom check&apos;s measure saying what the system allows (a ``SystemSharing`` value). Upload needed to share the screen while speaking, in Mbit/s. Nothing to allow (Windows, Linux under X11 or a session type not said). macOS: Zoom must be allowed under Screen Recording. Linux under Wayland: Zoom shares little or nothing. The line sends enough (None: not measured).</extracomment>
        <translation>To share your screen during the session, Zoom needs permission on this Mac.</translation>
    </message>
    <message>
        <source>Votre session de bureau utilise Wayland&#xa0;: Zoom n&apos;y partage l&apos;écran qu&apos;en partie (parfois une seule fenêtre, parfois rien).</source>
        <translation>Your desktop session uses Wayland: Zoom shares the screen only in part there (sometimes one window, sometimes nothing).</translation>
    </message>
    <message>
        <source>Pour partager sans souci, choisissez à l&apos;écran de connexion une session X11 (par exemple «&#xa0;Ubuntu sur Xorg&#xa0;», sous la roue dentée), ou partagez une seule fenêtre plutôt que tout l&apos;écran.</source>
        <translation>To share without trouble, choose an X11 session on the login screen (for example “Ubuntu on Xorg”, under the gear wheel), or share one window rather than the whole screen.</translation>
    </message>
    <message>
        <source>la connexion n&apos;a pas encore été mesurée</source>
        <translation>the connection has not been measured yet</translation>
    </message>
    <message>
        <source>la connexion le permet</source>
        <translation>the connection allows it</translation>
    </message>
    <message>
        <source>la connexion envoie trop peu ({upload} Mbit/s, il en faut {need})</source>
        <translation>the connection sends too little ({upload} Mbit/s, {need} needed)</translation>
    </message>
    <message>
        <source>l&apos;ordinateur n&apos;a pas encore été vérifié</source>
        <translation>the computer has not been checked yet</translation>
    </message>
    <message>
        <source>sur ce Mac, Zoom doit être autorisé à enregistrer l&apos;écran</source>
        <translation>on this Mac, Zoom must be allowed to record the screen</translation>
    </message>
    <message>
        <source>sous Wayland, Zoom ne partage l&apos;écran qu&apos;en partie</source>
        <translation>under Wayland, Zoom shares the screen only in part</translation>
    </message>
    <message>
        <source>l&apos;ordinateur le permet</source>
        <translation>the computer allows it</translation>
    </message>
    <message>
        <source>Partage d&apos;écran&#xa0;: {line}&#xa0;; {computer}.</source>
        <translation>Screen sharing: {line}; {computer}.</translation>
    </message>
</context>
<context>
    <name>SessionTime</name>
    <message>
        <source>{hour} h {minute:02d}</source>
        <translation>{hour}:{minute:02d}</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 minute</translation>
    </message>
    <message>
        <source>{n} minutes</source>
        <translation>{n} minutes</translation>
    </message>
    <message>
        <source>{h} h {m:02d}</source>
        <translation>{h} h {m:02d} min</translation>
    </message>
    <message>
        <source>lundi</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>mardi</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>mercredi</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>jeudi</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>vendredi</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>samedi</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>dimanche</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>janvier</source>
        <translation>January</translation>
    </message>
    <message>
        <source>février</source>
        <translation>February</translation>
    </message>
    <message>
        <source>mars</source>
        <translation>March</translation>
    </message>
    <message>
        <source>avril</source>
        <translation>April</translation>
    </message>
    <message>
        <source>mai</source>
        <translation>May</translation>
    </message>
    <message>
        <source>juin</source>
        <translation>June</translation>
    </message>
    <message>
        <source>juillet</source>
        <translation>July</translation>
    </message>
    <message>
        <source>août</source>
        <translation>August</translation>
    </message>
    <message>
        <source>septembre</source>
        <translation>September</translation>
    </message>
    <message>
        <source>octobre</source>
        <translation>October</translation>
    </message>
    <message>
        <source>novembre</source>
        <translation>November</translation>
    </message>
    <message>
        <source>décembre</source>
        <translation>December</translation>
    </message>
    <message>
        <source>Votre séance est prévue le {date} à {time}.</source>
        <translation>Your session is scheduled for {date} at {time}.</translation>
    </message>
    <message>
        <source>Votre séance commence à {time}, dans {left}. Connectez-vous {early} minutes avant, à {join_at}.</source>
        <translation>Your session starts at {time}, in {left}. Join {early} minutes early, at {join_at}.</translation>
    </message>
    <message>
        <source>Votre séance commence à {time}, dans {left}&#xa0;: rejoignez-la maintenant.</source>
        <translation>Your session starts at {time}, in {left}: join it now.</translation>
    </message>
    <message>
        <source>Votre séance a commencé à {time}&#xa0;: rejoignez-la dès maintenant.</source>
        <translation>Your session started at {time}: join it right away.</translation>
    </message>
</context>
<context>
    <name>SessionTray</name>
    <message>
        <source>Séance en cours&#xa0;: la connexion est surveillée</source>
        <extracomment>Messages kept for reading back (tests; a session shows only a few). (title, text) of the latest messages shown, oldest first.</extracomment>
        <translation>Session in progress: your connection is being monitored</translation>
    </message>
    <message>
        <source>Se reconnecter à la réunion</source>
        <translation>Reconnect to the meeting</translation>
    </message>
    <message>
        <source>Ouvrir la fenêtre</source>
        <translation>Open the window</translation>
    </message>
    <message>
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Connexion perdue</source>
        <translation>Connection lost</translation>
    </message>
    <message>
        <source>Nous vous prévenons dès qu&apos;elle revient. Vérifiez votre box ou le Wi-Fi.</source>
        <translation>We will let you know as soon as it is back. Check your router or the Wi-Fi.</translation>
    </message>
    <message>
        <source>Connexion rétablie</source>
        <translation>Connection restored</translation>
    </message>
    <message>
        <source>Si Zoom ne vous a pas reconnecté, choisissez «&#xa0;Se reconnecter à la réunion&#xa0;».</source>
        <translation>If Zoom has not reconnected you, choose “Reconnect to the meeting”.</translation>
    </message>
    <message>
        <source>Reconnexion dès que possible</source>
        <translation>Reconnecting as soon as possible</translation>
    </message>
    <message>
        <source>La réunion se rouvrira toute seule quand la connexion reviendra.</source>
        <translation>The meeting will reopen by itself when the connection comes back.</translation>
    </message>
    <message>
        <source>{app} vient de démarrer</source>
        <translation>{app} has just started</translation>
    </message>
</context>
<context>
    <name>SpeakersCheck</name>
    <message>
        <source>Pendant la séance, un casque ou des écouteurs évitent que les autres entendent leur propre voix en écho.</source>
        <translation>During the session, a headset or earphones stop the others from hearing their own voice as an echo.</translation>
    </message>
    <message>
        <source>Montez le volume de l&apos;ordinateur, et vérifiez que le son n&apos;est pas coupé.</source>
        <translation>Turn up the computer&apos;s volume, and check that the sound is not muted.</translation>
    </message>
    <message>
        <source>Choisissez une autre sortie son dans la liste, puis rejouez le son.</source>
        <translation>Choose another sound output in the list, then play the sound again.</translation>
    </message>
    <message>
        <source>Avec un casque&#xa0;: vérifiez qu&apos;il est bien branché, ou connecté en Bluetooth.</source>
        <translation>With a headset: check that it is properly plugged in, or connected by Bluetooth.</translation>
    </message>
    <message>
        <source>Le son de test n&apos;a pas pu être joué jusqu&apos;au bout.</source>
        <translation>The test sound could not be played to the end.</translation>
    </message>
    <message>
        <source>Le son de test a été joué et le micro l&apos;a entendu&#xa0;: les haut-parleurs fonctionnent.</source>
        <translation>The test sound was played and the microphone heard it: the speakers are working.</translation>
    </message>
    <message>
        <source>Le son de test a été joué. Le micro ne l&apos;a pas entendu&#xa0;: c&apos;est normal avec un casque.</source>
        <translation>The test sound was played. The microphone did not hear it: that&apos;s normal with a headset.</translation>
    </message>
    <message>
        <source>Le son de test a été joué.</source>
        <translation>The test sound was played.</translation>
    </message>
    <message>
        <source>Vous entendez le son&#xa0;: vos haut-parleurs fonctionnent.</source>
        <translation>You can hear the sound: your speakers are working.</translation>
    </message>
    <message>
        <source>Le son sort bien (le micro l&apos;a entendu), mais trop faiblement pour vous.</source>
        <translation>The sound is coming out (the microphone heard it), but too quietly for you.</translation>
    </message>
    <message>
        <source>Vous n&apos;entendez pas le son de test.</source>
        <translation>You can&apos;t hear the test sound.</translation>
    </message>
    <message>
        <source>Haut-parleurs</source>
        <translation>Speakers</translation>
    </message>
</context>
<context>
    <name>SpeakersPage</name>
    <message>
        <source>Vérifions que vous entendrez bien les autres&#xa0;: nous jouons un petit son, dites-nous si vous l&apos;entendez.</source>
        <extracomment>Between two looks for an output while there is none.</extracomment>
        <translation>Let&apos;s check that you will hear the others clearly: we play a short sound, and you tell us if you hear it.</translation>
    </message>
    <message>
        <source>S&amp;ortie son&#xa0;:</source>
        <extracomment>Playing, from the click until the sound is over. After a play: did the microphone hear it (None: no microphone)? Runs the flow; its updates come back here, on the GUI thread.</extracomment>
        <translation>Sound &amp;output:</translation>
    </message>
    <message>
        <source>▶  &amp;Jouer le son de test</source>
        <translation>▶  &amp;Play the test sound</translation>
    </message>
    <message>
        <source>Avez-vous entendu le son&#xa0;?</source>
        <translation>Did you hear the sound?</translation>
    </message>
    <message>
        <source>J&apos;&amp;entends le son</source>
        <translation>I can hear the &amp;sound</translation>
    </message>
    <message>
        <source>Je n&apos;entends &amp;rien</source>
        <translation>I can&apos;t hear &amp;anything</translation>
    </message>
    <message>
        <source>Le son n&apos;est jamais enregistré ni envoyé&#xa0;: il reste sur cet ordinateur.</source>
        <translation>The sound is never recorded or sent: it stays on this computer.</translation>
    </message>
    <message>
        <source>Cliquez sur «&#xa0;Jouer le son de test&#xa0;», puis écoutez.</source>
        <translation>Click “Play the test sound”, then listen.</translation>
    </message>
    <message>
        <source>Écoutez…</source>
        <translation>Listen…</translation>
    </message>
    <message>
        <source>Le son a été joué. Vous pouvez le rejouer autant de fois qu&apos;il faut.</source>
        <translation>The sound has been played. You can play it again as many times as you need.</translation>
    </message>
    <message>
        <source>Le son de test est joué…</source>
        <translation>Playing the test sound…</translation>
    </message>
</context>
<context>
    <name>Stability</name>
    <message>
        <source>{seconds}&#xa0;s</source>
        <translation>{seconds}&#xa0;s</translation>
    </message>
    <message>
        <source>{minutes}&#xa0;min</source>
        <translation>{minutes}&#xa0;min</translation>
    </message>
    <message>
        <source>aucune coupure</source>
        <translation>no drop-out</translation>
    </message>
    <message>
        <source>une coupure de {seconds}&#xa0;s</source>
        <translation>one drop-out of {seconds}&#xa0;s</translation>
    </message>
    <message>
        <source>{count} coupures (la plus longue&#xa0;: {seconds}&#xa0;s)</source>
        <translation>{count} drop-outs (the longest: {seconds}&#xa0;s)</translation>
    </message>
    <message>
        <source>{percent}&#xa0;% de pertes</source>
        <translation>{percent}% loss</translation>
    </message>
    <message>
        <source>stable pendant {duration}&#xa0;: {loss}, {cuts}</source>
        <translation>stable for {duration}: {loss}, {cuts}</translation>
    </message>
    <message>
        <source>instable pendant {duration}&#xa0;: {loss}, {cuts}</source>
        <translation>unstable for {duration}: {loss}, {cuts}</translation>
    </message>
    <message>
        <source>{quality} (note {mos} sur 5)</source>
        <translation>{quality} (score {mos} out of 5)</translation>
    </message>
    <message>
        <source>Stabilité</source>
        <translation>Stability</translation>
    </message>
    <message>
        <source>non mesurée&#xa0;: la voie du son et de l&apos;image (UDP) est bloquée</source>
        <translation>not measured: the sound and video path (UDP) is blocked</translation>
    </message>
    <message>
        <source>Qualité d&apos;appel estimée</source>
        <translation>Estimated call quality</translation>
    </message>
</context>
<context>
    <name>StabilityChart</name>
    <message>
        <source>Stabilité de la connexion</source>
        <extracomment>The scale&apos;s possible tops, in ms; beyond the last, the next whole second. A calm line stays low on the chart instead of filling it with noise of a few ms. Room above the highest point, so the line never runs along the top. How much of the text&apos;s colour the frame and the grid take over the plot&apos;s background: derived from the theme, since its &quot;mid&quot; vanishes on a dark field.</extracomment>
        <translation>Connection stability</translation>
    </message>
    <message>
        <source>il y a {seconds}&#xa0;s</source>
        <translation>{seconds}&#xa0;s ago</translation>
    </message>
    <message>
        <source>il y a {minutes}&#xa0;min</source>
        <translation>{minutes}&#xa0;min ago</translation>
    </message>
    <message>
        <source>{ms}&#xa0;ms</source>
        <translation>{ms}&#xa0;ms</translation>
    </message>
    <message>
        <source>En attente des premières mesures…</source>
        <translation>Waiting for the first measurements…</translation>
    </message>
    <message>
        <source>maintenant</source>
        <translation>now</translation>
    </message>
</context>
<context>
    <name>StabilityPanel</name>
    <message>
        <source>Stabilité de la connexion</source>
        <translation>Connection stability</translation>
    </message>
    <message>
        <source>La voie du son et de l&apos;image (UDP) ne répond pas&#xa0;: Zoom passera par sa voie de secours, l&apos;image peut être moins fluide.</source>
        <translation>The sound and video path (UDP) does not answer: Zoom will use its back-up route, and the picture may be less smooth.</translation>
    </message>
    <message>
        <source>La surveillance de la connexion est arrêtée.</source>
        <translation>The connection is no longer being followed.</translation>
    </message>
    <message>
        <source>Surveillance de la connexion en cours de démarrage…</source>
        <translation>Starting to follow the connection…</translation>
    </message>
    <message>
        <source>Délai aller-retour&#xa0;: {ms}&#xa0;ms.</source>
        <translation>Round-trip delay: {ms}&#xa0;ms.</translation>
    </message>
    <message>
        <source>La surveillance est maintenant arrêtée.</source>
        <translation>It is no longer being followed.</translation>
    </message>
    <message>
        <source>Mis à jour toutes les {seconds} secondes.</source>
        <translation>Updated every {seconds} seconds.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>À vérifier</source>
        <translation>Not checked yet</translation>
    </message>
    <message>
        <source>Vérification…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Bon</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>À améliorer</source>
        <translation>Could be better</translation>
    </message>
    <message>
        <source>Problème</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Non vérifié</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <source>Pas encore vérifié.</source>
        <translation>Not checked yet.</translation>
    </message>
    <message>
        <source>Vérification en cours.</source>
        <translation>Checking now.</translation>
    </message>
    <message>
        <source>Tout va bien pour ce point.</source>
        <translation>All is well on this point.</translation>
    </message>
    <message>
        <source>Vous pouvez continuer, mais ce point peut être amélioré.</source>
        <translation>You can go on, but this point could be better.</translation>
    </message>
    <message>
        <source>Ce point peut gêner la séance&#xa0;: suivez les conseils.</source>
        <translation>This point may get in the way of the session: follow the advice.</translation>
    </message>
    <message>
        <source>Cette vérification n&apos;a pas été faite.</source>
        <translation>This check was not done.</translation>
    </message>
</context>
<context>
    <name>StatusBadge</name>
    <message>
        <source>État&#xa0;: {word}</source>
        <translation>Status: {word}</translation>
    </message>
</context>
<context>
    <name>StepSidebar</name>
    <message>
        <source>Étapes</source>
        <extracomment>Room around the steps (left, top, right, bottom).</extracomment>
        <translation>Steps</translation>
    </message>
    <message>
        <source>{title}&#xa0;: {word}</source>
        <extracomment>The selection&apos;s text colour when the accent replaces the theme&apos;s selection. The accent&apos;s (fill, text) for the selected step; None: the theme&apos;s selection.</extracomment>
        <translation>{title}: {word}</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Bilan</source>
        <extracomment>(check id) « Vérifier »: the window shows that step&apos;s page, which checks again. « Rejoindre la séance »: the window shows the join page.</extracomment>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Voici où vous en êtes. Vous pouvez garder une trace de ces vérifications.</source>
        <translation>Here is where you stand. You can keep a record of these checks.</translation>
    </message>
    <message>
        <source>&amp;Rejoindre la séance</source>
        <translation>&amp;Join the session</translation>
    </message>
    <message>
        <source>&amp;Enregistrer le rapport</source>
        <translation>&amp;Save the report</translation>
    </message>
    <message>
        <source>Envoyer à &amp;mon consultant</source>
        <translation>Send to &amp;my consultant</translation>
    </message>
    <message>
        <source>Le rapport ne contient aucune image de la caméra ni aucun son. Un e-mail ne peut pas joindre le fichier tout seul&#xa0;: enregistrez d&apos;abord le rapport, puis joignez-le au message.</source>
        <translation>The report holds no camera image and no sound. An email cannot attach the file by itself: save the report first, then attach it to the message.</translation>
    </message>
    <message>
        <source>Corrigez le problème indiqué ci-dessous, puis vérifiez à nouveau.</source>
        <translation>Fix the problem shown below, then check again.</translation>
    </message>
    <message>
        <source>Si vous n&apos;y arrivez pas, appelez {name} au {phone}.</source>
        <translation>If you get stuck, call {name} on {phone}.</translation>
    </message>
    <message>
        <source>Si vous n&apos;y arrivez pas, écrivez à {name}&#xa0;: {email}.</source>
        <translation>If you get stuck, write to {name}: {email}.</translation>
    </message>
    <message>
        <source>Vous pouvez rejoindre la séance. Si vous le pouvez, améliorez d&apos;abord les points ci-dessous.</source>
        <translation>You can join the session. If you can, improve the points below first.</translation>
    </message>
    <message>
        <source>Vous pouvez rejoindre la séance&#xa0;: cliquez sur «&#xa0;Suivant&#xa0;».</source>
        <translation>You can join the session: click “Next”.</translation>
    </message>
    <message>
        <source>Certaines vérifications n&apos;ont pas encore été faites.</source>
        <translation>Some checks have not been done yet.</translation>
    </message>
    <message>
        <source>Enregistrer le rapport</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <source>Rapport PDF (*.pdf)</source>
        <translation>PDF report (*.pdf)</translation>
    </message>
    <message>
        <source>Le rapport n&apos;a pas pu être enregistré ici. Choisissez un autre dossier, par exemple Documents.</source>
        <translation>The report could not be saved here. Choose another folder, for example Documents.</translation>
    </message>
    <message>
        <source>Rapport enregistré&#xa0;: {pdf} (et sa version JSON à côté). Pour l&apos;envoyer, cliquez sur «&#xa0;Envoyer à mon consultant&#xa0;» et joignez ce fichier au message.</source>
        <translation>Report saved: {pdf} (with its JSON version next to it). To send it, click “Send to my consultant” and attach this file to the message.</translation>
    </message>
</context>
<context>
    <name>ValueLabel</name>
    <message>
        <source>{title}&#xa0;: {value}</source>
        <translation>{title}: {value}</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>Tout est prêt</source>
        <translation>Everything is ready</translation>
    </message>
    <message>
        <source>Prêt, avec des points à améliorer</source>
        <translation>Ready, with a few things to improve</translation>
    </message>
    <message>
        <source>Un problème empêche la séance</source>
        <translation>A problem is preventing the session</translation>
    </message>
</context>
<context>
    <name>VideoPreview</name>
    <message>
        <source>Aperçu de la caméra, en miroir</source>
        <extracomment>New frames painted so far (the benchmark and the tests count them). Times the GUI thread was woken to take a frame.</extracomment>
        <translation>Camera preview, mirrored</translation>
    </message>
</context>
<context>
    <name>WebAddress</name>
    <message>
        <source>Une adresse web commençant par http:// ou https:// est attendue, par exemple «&#xa0;{example}&#xa0;».</source>
        <extracomment>Characters that a URL never holds as they are (RFC 3986), besides blanks and controls. A speedtest.net-style server&apos;s ``url``: its path ends in upload.php. A Cloudflare-style speed service: a base address, ``/__down`` and ``/__up`` are added.</extracomment>
        <translation>A web address starting with http:// or https:// is expected, for example “{example}”.</translation>
    </message>
    <message>
        <source>Une adresse web de {max} caractères au plus est attendue, par exemple «&#xa0;{example}&#xa0;».</source>
        <translation>A web address of {max} characters at most is expected, for example “{example}”.</translation>
    </message>
    <message>
        <source>Une adresse web s&apos;écrit sans espace, sans caractère invisible et sans signe comme \ &quot; &lt; &gt; ou |, par exemple «&#xa0;{example}&#xa0;».</source>
        <translation>A web address is written without spaces, invisible characters or signs such as \ &quot; &lt; &gt; or |, for example “{example}”.</translation>
    </message>
    <message>
        <source>Une adresse web ne doit contenir ni nom d&apos;utilisateur ni mot de passe («&#xa0;nom:mot-de-passe@&#xa0;» avant le nom du serveur)&#xa0;: retirez-les, par exemple «&#xa0;{example}&#xa0;».</source>
        <translation>A web address must contain neither a user name nor a password (“name:password@” before the server&apos;s name): remove them, for example “{example}”.</translation>
    </message>
    <message>
        <source>Le port, après «&#xa0;:&#xa0;», doit être un nombre entre 1 et 65535, par exemple «&#xa0;{example}&#xa0;».</source>
        <translation>The port, after “:”, must be a number between 1 and 65535, for example “{example}”.</translation>
    </message>
    <message>
        <source>Après le nom du serveur, une adresse web s&apos;écrit sans accent ni caractère non latin (encodé, «&#xa0;é&#xa0;» s&apos;écrit «&#xa0;%C3%A9&#xa0;»), par exemple «&#xa0;{example}&#xa0;».</source>
        <translation>After the server&apos;s name, a web address is written without accents or non-Latin characters (encoded, “é” is written “%C3%A9”), for example “{example}”.</translation>
    </message>
    <message>
        <source>L&apos;adresse d&apos;un serveur au format de speedtest.net finit par «&#xa0;upload.php&#xa0;», sans rien après, par exemple «&#xa0;{example}&#xa0;».</source>
        <translation>The address of a speedtest.net-style server ends in “upload.php”, with nothing after it, for example “{example}”.</translation>
    </message>
    <message>
        <source>L&apos;adresse d&apos;un service de mesure est une adresse de base, sans «&#xa0;?&#xa0;» ni «&#xa0;#&#xa0;», par exemple «&#xa0;{example}&#xa0;».</source>
        <translation>The address of a measuring service is a base address, without “?” or “#”, for example “{example}”.</translation>
    </message>
    <message>
        <source>Après «&#xa0;http://&#xa0;» ou «&#xa0;https://&#xa0;», le nom du serveur ou son adresse IP est attendu, par exemple «&#xa0;{example}&#xa0;».</source>
        <translation>After “http://” or “https://”, the server&apos;s name or its IP address is expected, for example “{example}”.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Bienvenue</source>
        <extracomment>The logo&apos;s room at the top of the page (logical pixels): recognisable, never pushing the welcome text off a small screen at 200 % text. The user asked for the interface in this language (&quot;fr&quot; or &quot;en&quot;).</extracomment>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Quelques minutes avant votre séance avec {organisation}, vérifions ensemble que tout est prêt. Cela prend environ 5 minutes et rien n&apos;est enregistré.</source>
        <translation>A few minutes before your session with {organisation}, let&apos;s check together that everything is ready. It takes about 5 minutes and nothing is recorded.</translation>
    </message>
    <message>
        <source>Indiquer l&apos;&amp;heure de ma séance</source>
        <translation>Enter my session &amp;time</translation>
    </message>
    <message>
        <source>Nous allons voir ensemble&#xa0;:</source>
        <translation>Here is what we will check together:</translation>
    </message>
    <message>
        <source>Besoin d&apos;une adaptation (sous-titres, lecteur d&apos;écran…)&#xa0;? Voyez ce que Zoom propose et qui prévenir avant la séance&#xa0;:</source>
        <translation>Need an adjustment (captions, screen reader…)? See what Zoom offers and whom to tell before the session:</translation>
    </message>
    <message>
        <source>Installez-vous dans un endroit calme et bien éclairé. À chaque étape, nous vous disons ce qui va bien et quoi faire sinon. Cliquez sur «&#xa0;Suivant&#xa0;» pour commencer.</source>
        <translation>Settle in somewhere quiet and well lit. At each step, we tell you what is fine and what to do if it isn&apos;t. Click “Next” to begin.</translation>
    </message>
    <message>
        <source>Accessibilité et a&amp;daptations</source>
        <translation>Accessibility and a&amp;djustments</translation>
    </message>
    <message>
        <source>Logo de {organisation}</source>
        <translation>{organisation}&apos;s logo</translation>
    </message>
    <message>
        <source>Afficher l&apos;application en français</source>
        <translation>Show the app in French</translation>
    </message>
    <message>
        <source>Afficher l&apos;application en anglais</source>
        <translation>Show the app in English</translation>
    </message>
    <message>
        <source>Date et heure de la séance</source>
        <translation>Session date and time</translation>
    </message>
</context>
<context>
    <name>ZoomCheck</name>
    <message>
        <source>Application Zoom</source>
        <translation>Zoom app</translation>
    </message>
    <message>
        <source>En attendant, le bouton «&#xa0;Rejoindre&#xa0;» ouvrira la réunion dans votre navigateur.</source>
        <translation>In the meantime, the “Join” button will open the meeting in your web browser.</translation>
    </message>
    <message>
        <source>L&apos;application Zoom est installée (version {version}).</source>
        <translation>The Zoom app is installed (version {version}).</translation>
    </message>
    <message>
        <source>L&apos;application Zoom est installée.</source>
        <translation>The Zoom app is installed.</translation>
    </message>
    <message>
        <source>Zoom est installé, mais les liens de réunion ne l&apos;ouvrent pas encore.</source>
        <translation>Zoom is installed, but meeting links don&apos;t open it yet.</translation>
    </message>
    <message>
        <source>Ouvrez Zoom une fois, puis fermez-le&#xa0;: il se déclare alors pour les liens.</source>
        <translation>Open Zoom once, then close it: it will then register itself to open meeting links.</translation>
    </message>
    <message>
        <source>L&apos;application Zoom n&apos;est pas installée sur cet ordinateur.</source>
        <translation>The Zoom app is not installed on this computer.</translation>
    </message>
    <message>
        <source>Installez Zoom depuis zoom.us/download&#xa0;: c&apos;est gratuit et prend quelques minutes.</source>
        <translation>Install Zoom from zoom.us/download: it&apos;s free and takes a few minutes.</translation>
    </message>
</context>
<context>
    <name>ZoomNeeds</name>
    <message>
        <source>vidéo HD et partage d&apos;écran</source>
        <extracomment>Zoom&apos;s published needs, upload / download in Mbit/s. Under ``GOOD``: unnoticeable. Under ``USABLE``: noticeable but workable. A drop-out (nothing coming back) at least this long is a warning, in ms. The bandwidth each level needs, from the table above. The most each loss level leaves of the bandwidth&apos;s level.</extracomment>
        <translation>HD video and screen sharing</translation>
    </message>
    <message>
        <source>vidéo en qualité standard</source>
        <translation>standard-quality video</translation>
    </message>
    <message>
        <source>audio seulement</source>
        <translation>audio only</translation>
    </message>
    <message>
        <source>insuffisant</source>
        <translation>not enough</translation>
    </message>
</context>
<context>
    <name>ZoomPage</name>
    <message>
        <source>L&apos;application Zoom est le moyen le plus simple de rejoindre la séance. Nous regardons si elle est installée sur cet ordinateur.</source>
        <translation>The Zoom app is the simplest way to join the session. We are checking whether it is installed on this computer.</translation>
    </message>
    <message>
        <source>&amp;Vérifier à nouveau</source>
        <translation>&amp;Check again</translation>
    </message>
    <message>
        <source>&amp;Télécharger Zoom</source>
        <translation>&amp;Download Zoom</translation>
    </message>
    <message>
        <source>Recherche de l&apos;application Zoom…</source>
        <translation>Looking for the Zoom app…</translation>
    </message>
    <message>
        <source>Version&#xa0;: {version}</source>
        <translation>Version: {version}</translation>
    </message>
    <message>
        <source>Emplacement&#xa0;: {path}</source>
        <translation>Location: {path}</translation>
    </message>
</context>
<context>
    <name>_Figures</name>
    <message>
        <source>Réception (téléchargement)</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Envoi</source>
        <translation>Upload</translation>
    </message>
    <message>
        <source>Délai (aller-retour)</source>
        <translation>Latency (ping)</translation>
    </message>
    <message>
        <source>Régularité (gigue)</source>
        <translation>Stability (jitter)</translation>
    </message>
    <message>
        <source>Voie du son et de l&apos;image (UDP)</source>
        <translation>Sound and video route (UDP)</translation>
    </message>
    <message>
        <source>Pertes de paquets</source>
        <translation>Packet loss</translation>
    </message>
    <message>
        <source>Gigue du son et de l&apos;image</source>
        <translation>Sound and video jitter</translation>
    </message>
    <message>
        <source>Coupure la plus longue</source>
        <translation>Longest drop-out</translation>
    </message>
    <message>
        <source>Qualité d&apos;appel estimée</source>
        <translation>Estimated call quality</translation>
    </message>
    <message>
        <source>Connexion</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Accès à Zoom</source>
        <translation>Zoom access</translation>
    </message>
    <message>
        <source>État du service Zoom</source>
        <translation>Zoom service status</translation>
    </message>
    <message>
        <source>Mesuré par</source>
        <translation>Measured by</translation>
    </message>
    <message>
        <source>Votre connexion permet&#xa0;:</source>
        <translation>Your connection allows:</translation>
    </message>
    <message>
        <source>Débit non mesuré</source>
        <translation>Speed not measured</translation>
    </message>
    <message>
        <source>non mesuré</source>
        <translation>not measured</translation>
    </message>
    <message>
        <source>{mbps}&#xa0;Mbit/s</source>
        <translation>{mbps}&#xa0;Mbit/s</translation>
    </message>
    <message>
        <source>{ms}&#xa0;ms</source>
        <translation>{ms}&#xa0;ms</translation>
    </message>
    <message>
        <source> (+{ms}&#xa0;ms pendant un téléchargement)</source>
        <translation> (+{ms}&#xa0;ms during a download)</translation>
    </message>
    <message>
        <source>✓ zoom.us répond</source>
        <translation>✓ zoom.us is responding</translation>
    </message>
    <message>
        <source>✗ zoom.us ne répond pas</source>
        <translation>✗ zoom.us is not responding</translation>
    </message>
    <message>
        <source>non vérifiée</source>
        <translation>not checked</translation>
    </message>
    <message>
        <source>✓ ouverte</source>
        <translation>✓ open</translation>
    </message>
    <message>
        <source>✗ bloquée&#xa0;: Zoom passera par sa voie de secours (TCP 443)</source>
        <translation>✗ blocked: Zoom will use its back-up route (TCP 443)</translation>
    </message>
    <message>
        <source>{percent}&#xa0;%</source>
        <translation>{percent}%</translation>
    </message>
    <message>
        <source>aucune</source>
        <translation>none</translation>
    </message>
    <message>
        <source>{seconds}&#xa0;s</source>
        <translation>{seconds}&#xa0;s</translation>
    </message>
    <message>
        <source> (sur {duration})</source>
        <translation> (over {duration})</translation>
    </message>
    <message>
        <source>{quality} (note {mos} sur 5)</source>
        <translation>{quality} (score {mos} out of 5)</translation>
    </message>
    <message>
        <source>✓ aucun incident signalé</source>
        <translation>✓ no incident reported</translation>
    </message>
    <message>
        <source>⚠ Zoom signale un incident</source>
        <translation>⚠ Zoom reports an incident</translation>
    </message>
    <message>
        <source>non vérifié</source>
        <translation>not checked</translation>
    </message>
    <message>
        <source>Wi-Fi, signal {percent}&#xa0;%</source>
        <translation>Wi-Fi, signal {percent}%</translation>
    </message>
    <message>
        <source>Wi-Fi</source>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <source>, VPN actif</source>
        <translation>, VPN on</translation>
    </message>
    <message>
        <source>aucun service n&apos;a pu mesurer</source>
        <translation>no service was able to measure</translation>
    </message>
    <message>
        <source>{service}, en {seconds} s</source>
        <translation>{service}, in {seconds} s</translation>
    </message>
    <message>
        <source> ({service} n&apos;a pas pu mesurer)</source>
        <translation> ({service} could not measure)</translation>
    </message>
</context>
</TS>
