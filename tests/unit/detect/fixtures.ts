/**
 * Small texts written for these tests (none comes from a corpus). They are caricatures on
 * purpose: one stuffed with phrasing language models overuse, one plainly informal human prose.
 */

export const LLM_STUFFED =
  "In today's fast-paced world, technology plays a crucial role in shaping how we learn and communicate. " +
  'Additionally, it is important to note that digital tools offer a myriad of opportunities for students to delve into complex subjects. ' +
  'Furthermore, online platforms foster a sense of community among learners, paving the way for collaborative and innovative approaches to education. ' +
  'Moreover, the seamless integration of artificial intelligence into classrooms underscores the pivotal importance of adapting to an ever-evolving landscape. ' +
  'Ultimately, by embracing these transformative changes, educators can empower students to navigate the complexities of the modern world. ' +
  'Notably, these advancements also present challenges that must be addressed with meticulous care. ' +
  'It is essential to strike a balance between screen time and traditional learning methods. ' +
  'Consequently, schools must prioritize comprehensive strategies that enhance student well-being while leveraging the potential of technology. ' +
  'In essence, the intricate interplay between innovation and tradition will continue to shape the future of education, serving as a testament to human ingenuity and resilience. ' +
  'Overall, the journey toward a more connected and inclusive learning environment is both exciting and multifaceted.';

export const HUMAN_INFORMAL =
  'So I finally got around to fixing the bike last weekend. Took way longer than I thought, honestly. ' +
  "The chain was rusted pretty bad and I couldn't find the right size link anywhere in town, so I ended up ordering one online and waiting three days. " +
  'My neighbor Dave came over at some point and told me I was doing it wrong, which, fine, he was probably right. ' +
  "He's been riding since the 80s. Anyway we got the chain on, but then the rear brake started rubbing. I spent like an hour adjusting the caliper. Didn't help. " +
  "Turns out the wheel wasn't seated straight in the dropouts! Once I figured that out it took two minutes. " +
  'Rode it to work Monday and it was great, except it rained the whole way back and I got soaked. Lesson learned: check the forecast. ' +
  'Next thing on the list is the gears, they skip when I climb the hill by the library. ' +
  "Dave says it's the cable stretching. I say it's the cassette. We'll see who's right. " +
  "I bet him a coffee on it, so there's money on the line now, sort of. " +
  "If anyone has tips on indexing Shimano shifters without the fancy tools, let me know, I'm all ears.";

/** Plain human prose in several paragraphs, for embedding a planted passage. */
export const HUMAN_PARAGRAPHS = [
  'We moved into the old house on Carver Street in March, when the snow had mostly gone but the yard was still a swamp. ' +
    'My father spent the first week pulling nails out of the porch and swearing at the previous owner, a man none of us had met. ' +
    'The kitchen smelled of mice and lemon polish. My sister claimed the room with the slanted ceiling before anyone else could argue.',
  'There was a shed at the back that nobody had opened in years. The padlock had rusted shut, so Dad took a hacksaw to it on a Saturday morning. ' +
    'Inside we found a lawnmower with no wheels, three tins of paint gone solid, and a box of letters tied with string. ' +
    "Mom said we shouldn't read them. We read them anyway, sitting on the back steps, passing each page along as we finished it.",
  'Most were dull: bills, a postcard from Ohio, a note about a borrowed ladder. One was different. ' +
    'It was from a woman named Ruth, and she wrote about a dog she had given away and wanted back. ' +
    "We never found out whether she got it. Dad put the box on a shelf in the garage, and as far as I know it's still there.",
];

export const GERMAN =
  'Am Samstag sind wir früh aufgestanden, weil wir mit dem Zug nach Hamburg fahren wollten. ' +
  'Der Bahnhof war voller Menschen, und unser Zug hatte natürlich zwanzig Minuten Verspätung. ' +
  'Meine Schwester hat die Zeit genutzt, um Brötchen und Kaffee für alle zu kaufen. ' +
  'Als wir endlich ankamen, regnete es in Strömen, aber das hat uns nicht gestört. ' +
  'Wir sind trotzdem zum Hafen gelaufen und haben uns die großen Schiffe angesehen, bevor wir in einem kleinen Lokal Fischbrötchen gegessen haben.';

export const FRENCH =
  'Hier soir, nous avons dîné chez mes grands-parents, qui habitent une petite maison au bord de la rivière. ' +
  'Ma grand-mère avait préparé une tarte aux pommes, comme chaque dimanche depuis que je suis enfant. ' +
  "Mon grand-père nous a raconté, pour la centième fois, l'histoire de son premier vélo, acheté avec l'argent des vendanges. " +
  "Nous avons ri, même si nous la connaissions par cœur, parce qu'il la raconte toujours avec le même plaisir.";

/**
 * A short exam-style essay in simple, slightly non-native English (written for this test): the
 * kind of writing detectors are known to flag wrongly.
 */
export const SIMPLE_ESSAY =
  'Many people think that living in a big city is better than living in the countryside. In my opinion, both of them have good and bad sides. ' +
  'First, in the city there is more jobs and the salary is usually higher. My cousin moved to the capital two years ago and now he earn much more money than before. ' +
  'Also there are many shops, cinemas and restaurants, so young people never feel bored. ' +
  'However, the city is very noisy and the air is dirty because of the cars. When I visit my cousin I can not sleep well, because the street is loud all night. ' +
  'The rent is also very expensive, he pay almost half of his salary for a small flat. ' +
  'On the other hand, in the countryside life is more quiet and cheap. My grandparents live in a village and they have a big garden with vegetables and chickens. ' +
  'The people know each other and they help when somebody have a problem. But there is not many jobs, and the bus to the town come only three times in a day. ' +
  'For me, I prefer to live in the city now, because I am young and I want to study and find a good job. Maybe when I will be old I will move to the village like my grandparents. ' +
  'To sum up, I think every place has advantages and disadvantages, and it depends of the age and what the person wants in his life.';

/** An application letter in learner English (written for this test). */
export const LEARNER_LETTER =
  'Dear Mrs Taylor, I am writing to you because I saw your advertisement in the newspaper about the summer job in your hotel. ' +
  'I am nineteen years old and I am student of tourism in the university of Valencia. Last summer I worked in a small restaurant near the beach, so I have some experience with customers. ' +
  'I was serving tables and sometimes I helped in the kitchen when there was many people. I think I am a friendly person and I like to speak with people from other countries. ' +
  'I can speak Spanish, English and a little of French, because my mother is from Lyon. I would like to know some more informations about the job. ' +
  'How many hours I have to work in one day, and is it possible to have accommodation in the hotel? Also I want to ask if I need to bring a uniform or you give it to the workers. ' +
  'I can start to work from the first of July until the end of August, because in September I must go back to the university. ' +
  'I send you my CV with this letter. I hope you will consider my application and I am looking forward to hear from you soon. Yours sincerely, Maria Lopez';

/** An opinion essay in learner English, ending with the classroom "In conclusion" (written for this test). */
export const LEARNER_ESSAY =
  'Nowadays a lot of students use the mobile phone in the class and teachers are not happy about this. Some people say that phones must be forbidden in schools, other people think they can be useful. ' +
  'In this essay I will give my opinion. First of all, the phone is a big distraction. When I was in secondary school my friends were always looking at Instagram during the lesson and they did not listen the teacher. ' +
  'After, they had bad marks in the exams and they were surprised. Also some students use the phone for cheating in the tests, this is not fair for the others who study hard. ' +
  'But we can not say that the phone is only bad. For example, in my English class we used an application for learning vocabulary and it was very funny and everybody participated. ' +
  'Also if there is an emergency the parents can call their children. In my country many parents want that their children have the phone always with them. ' +
  'In conclusion, I think that schools should not forbid phones completely, but the teacher must decide when the students can use it. If the rules are clear, the phone can be a tool and not a problem.';
