// wagtail-localize's translation editor shows the English source and the translation without a language
// or direction: in the Arabic admin the English punctuation flips, and an Arabic translation in an English
// admin runs left to right. Each segment is an <li> holding the source as a <p> and the translation in a
// <div>; mark them, and again whenever the editor redraws.
(() => {
  const languages = document.querySelector('.js-translation-languages');
  const editor = document.querySelector('.js-translation-editor');
  if (!languages || !editor) {
    return;
  }
  const { sourceLang, targetLang, targetDir } = languages.dataset;
  const mark = () => {
    editor.querySelectorAll('li.complete, li.incomplete, li.errored').forEach((segment) => {
      const source = segment.querySelector(':scope > p');
      const translated = segment.querySelector(':scope > div');
      if (source && source.lang !== sourceLang) {
        source.lang = sourceLang;
        source.dir = 'ltr';
      }
      if (translated && translated.lang !== targetLang) {
        translated.lang = targetLang;
        translated.dir = targetDir;
      }
    });
  };
  new MutationObserver(mark).observe(editor, { childList: true, subtree: true });
  mark();
})();
