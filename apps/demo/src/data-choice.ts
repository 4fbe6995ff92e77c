import type { ImageFileInput } from '@dcgan/data';
import { element } from './dom.js';
import { droppedFiles } from './dropped-files.js';
import { showError } from './show-error.js';
import { PICTURES_ADVICE, type TrainData } from './train-messages.js';

/** `1 file`, `2 files`. */
const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** The training section's data: "MNIST digits", or "Your pictures" with their files and options. */
export interface DataChoice {
  /** What a new run trains on; undefined, with an error shown, when pictures are chosen but none given. */
  read(): TrainData | undefined;
  /** Locks the choice while a run exists: its data stays until "Start over". */
  lock(locked: boolean): void;
  /** Says how many pictures the worker read, and how many files it skipped, naming the first. */
  showRead(count: number, skipped: number, firstSkipped: string[]): void;
}

/**
 * Wires the data select, the folder input and the drop zone (files and folders), the image size,
 * the channels and the augment box.
 */
export function setUpDataChoice(): DataChoice {
  const choice = element<HTMLSelectElement>('#train-data');
  const pictures = element<HTMLFieldSetElement>('#pictures');
  const folder = element<HTMLInputElement>('#picture-folder');
  const dropZone = element('#drop-zone');
  const status = element('#picture-status');
  let files: ImageFileInput[] = [];
  /** Why there are no files, for the error of a run started without. */
  let none = 'no folder picked and no files dropped';

  const take = (given: ImageFileInput[], how: 'picked' | 'dropped') => {
    files = given;
    none = how === 'picked' ? 'the folder picked is empty' : 'the drop held no files';
    status.textContent =
      given.length > 0 ? `${counted(given.length, 'file')} ${how}.` : `No files: ${none}.`;
  };
  const showPictures = () => {
    pictures.hidden = choice.value !== 'pictures';
  };
  // The select may have changed before this ran (the backend loads first, or the browser restored it).
  showPictures();
  choice.addEventListener('change', showPictures);
  folder.addEventListener('change', () => take([...(folder.files ?? [])], 'picked'));
  dropZone.addEventListener('dragover', (event) => {
    event.preventDefault();
    dropZone.classList.add('over');
  });
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('over'));
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropZone.classList.remove('over');
    if (!event.dataTransfer || pictures.disabled) return;
    droppedFiles(event.dataTransfer).then(
      (dropped) => {
        folder.value = '';
        take(dropped, 'dropped');
      },
      (error) => showError('Cannot read the dropped files', error),
    );
  });

  return {
    read() {
      if (choice.value !== 'pictures') return { kind: 'mnist' };
      if (files.length === 0) {
        showError('No pictures to train on', none, PICTURES_ADVICE);
        return undefined;
      }
      return {
        kind: 'pictures',
        files,
        imageSize: Number(element<HTMLSelectElement>('#image-size').value),
        channels: element<HTMLSelectElement>('#channels').value === '1' ? 1 : 3,
        augment: element<HTMLInputElement>('#augment').checked,
      };
    },
    lock(locked) {
      choice.disabled = locked;
      pictures.disabled = locked;
    },
    showRead(count, skipped, firstSkipped) {
      const more = skipped > firstSkipped.length ? ', …' : '';
      status.textContent =
        `Read ${counted(count, 'picture')}.` +
        (skipped > 0
          ? ` Skipped ${counted(skipped, 'unreadable file')}: ${firstSkipped.join(', ')}${more}.`
          : '');
    },
  };
}
